// Marks the page with the system it runs on, before the first render, so that the styles
// can name that system's own font instead of a list WebKitGTK has to search (styles.css).

/** Sets data-platform="windows" on the root element in WebView2 on Windows; Linux is the default. */
export function markPlatform(root: HTMLElement, userAgent: string): void {
  if (/\bWindows\b/.test(userAgent)) root.dataset.platform = 'windows';
}
