// Checks beyond axe-core for the accessibility end-to-end test (WCAG 2.1 AA): the focus
// indicator's contrast (2.4.7, 1.4.11), accessible names that start with the visible text
// (2.5.3), text clipped inside a box at high zoom (1.4.10), and the colour helpers that the
// harness uses to decide axe's "needs review" contrast results on gradients.
// Everything is computed in the page from the computed styles; the helpers are installed
// once per document as window.__icmA11y.

/** Page-side helpers; serialised into the page by install(). Keep it self-contained. */
function pageHelpers() {
  const canvas = document.createElement('canvas').getContext('2d');
  /** Any CSS colour as [r, g, b, a] (0-255, alpha 0-1); via the canvas for odd notations. */
  const parse = (s) => {
    let m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(s.trim());
    if (!m) {
      canvas.fillStyle = '#000';
      canvas.fillStyle = s;
      const n = canvas.fillStyle; // #rrggbb or rgba(...)
      if (n.startsWith('#')) return [1, 3, 5].map((i) => parseInt(n.slice(i, i + 2), 16)).concat(1);
      m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(n);
      if (!m) return null;
    }
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  const over = (top, below) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + below[i] * (1 - a)).concat(1);
  };
  const lum = (c) => {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  /** The colours of a linear or radial gradient, sampled between its stops. */
  const gradientColours = (img) => {
    const stops = (img.match(/rgba?\([^)]*\)|#[0-9a-f]{3,8}\b/gi) ?? []).map(parse).filter(Boolean);
    const out = [];
    for (let i = 0; i < stops.length; i++) {
      out.push(stops[i]);
      if (i + 1 < stops.length) for (let k = 1; k < 10; k++) out.push(stops[i].map((v, j) => v + ((stops[i + 1][j] - v) * k) / 10));
    }
    return out;
  };
  const WHITE = [255, 255, 255, 1];
  const lerp = (below, above, o) => [0, 1, 2].map((i) => above[i] * o + below[i] * (1 - o)).concat(1);
  /**
   * What is painted behind `el` (its own background too when self), as the chain of its
   * ancestors down to the first opaque background (or a gradient, whose colours all count;
   * an image cannot be decided; the page's canvas is white). Each element of the chain keeps
   * its opacity: paint(fg) composes the chain from the bottom up, every element's content
   * (its background and what is inside it, `fg` painted at `el`) faded by its own opacity
   * over what is below it, so an ancestor's opacity fades its own background as well as the
   * text. paint(null) gives the backgrounds, one per colour of a gradient.
   */
  const chainBehind = (el, self) => {
    const chain = [];
    let bases = [WHITE];
    for (let a = el; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const node = { opacity: Number(cs.opacity), bg: null };
      chain.push(node);
      if (a === el && !self) continue;
      const img = cs.backgroundImage;
      if (img && img !== 'none') {
        if (/url\(/.test(img) || !/gradient/.test(img)) return { why: `background image on ${describe(a)}` };
        node.gradient = true;
        bases = gradientColours(img).map((c) => over(c, WHITE));
        break;
      }
      const bg = parse(cs.backgroundColor);
      if (bg && bg[3] > 0) {
        node.bg = bg;
        if (bg[3] >= 1) break;
      }
    }
    const paint = (fg) =>
      bases.map((base) => {
        const at = (i, below) => {
          const n = chain[i];
          let inner = n.gradient ? base : n.bg ? over(n.bg, below) : below;
          inner = i === 0 ? (fg ? over(fg, inner) : inner) : at(i - 1, inner);
          return lerp(below, inner, n.opacity);
        };
        return at(chain.length - 1, WHITE);
      });
    return { paint };
  };
  /** The product of the opacities of el and its ancestors. */
  const opacityOf = (el) => {
    let o = 1;
    for (let a = el; a; a = a.parentElement) o *= Number(getComputedStyle(a).opacity);
    return o;
  };
  /**
   * Whether el is taken out of the flow (absolute or fixed), itself or an ancestor up to the
   * first opaque background: its ancestors are then not necessarily what is painted behind it.
   */
  const outOfFlow = (el, self) => {
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const bg = parse(cs.backgroundColor);
      if ((a !== el || self) && ((bg && bg[3] >= 1) || (cs.backgroundImage && cs.backgroundImage !== 'none'))) return false;
      if (cs.position === 'absolute' || cs.position === 'fixed') return true;
    }
    return false;
  };
  /**
   * The backgrounds painted at the point (x, y) under el: the first element there that is not
   * el, inside it or painted above it (`above`), with its own chain (null outside the window).
   */
  const paintedAt = (el, x, y, above = []) => {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return null;
    const u = document.elementsFromPoint(x, y).find((e) => !el.contains(e) && !above.includes(e));
    const chain = chainBehind(u ?? el.parentElement ?? document.documentElement, true);
    return chain.why ? chain : { colours: chain.paint(null), at: u ? describe(u) : 'the page' };
  };
  /**
   * The opaque colours that can be behind `el` (itself included when self), with the ancestors'
   * opacity folded into them; `opacity` is what fades a colour painted at el itself.
   */
  const backgroundsBehind = (el, self) => {
    const c = chainBehind(el, self);
    if (c.why) return { colours: null, opacity: 1, why: c.why };
    return { colours: c.paint(null), opacity: 1, paint: c.paint };
  };
  const describe = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const type = el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${type}${el.id ? '#' + el.id : ''}${cls}${text ? ` "${text}"` : ''}`;
  };

  /**
   * Whether the focused element shows a focus indicator of at least 2 px with 3:1 against
   * what is behind it: its outline (or, without one, a box-shadow ring). An outline drawn on
   * the element's own wider box-shadow (a halo) is measured against the halo, and the halo,
   * if at least 2 px of it shows, against what is outside it. For an element taken out of the
   * flow (the skip link), what is outside is what is painted there (document.elementsFromPoint),
   * not its ancestors' background.
   */
  const focusIndicator = (el) => {
    // A control drawn invisible over its label (opacity 0, as the WHO-5 answers) shows its
    // focus on the box around it (:focus-within): measure the nearest one that draws a ring.
    if (opacityOf(el) < 0.05) {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none')) {
          const r = focusIndicator(a);
          return { ...r, text: `${describe(el)} (invisible, its ring on ${r.text})` };
        }
      }
    }
    const cs = getComputedStyle(el);
    let colour = null;
    let how = '';
    let self = false;
    let reach = 0; // how far outside the border box the indicator ends
    const width = parseFloat(cs.outlineWidth) || 0;
    const shadows = [];
    if (cs.boxShadow && cs.boxShadow !== 'none') {
      // rgb(31, 95, 139) 0px 0px 0px 3px [inset]
      for (const part of cs.boxShadow.split(/,(?![^(]*\))/)) {
        const c = /rgba?\([^)]*\)/.exec(part);
        const nums = part.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
        if (c && parse(c[0])[3] > 0) shadows.push({ colour: parse(c[0]), spread: nums[3] ?? 0, blur: nums[2] ?? 0, inset: /inset/.test(part), text: part.trim() });
      }
    }
    let halo = null;
    if (cs.outlineStyle !== 'none' && cs.outlineStyle !== 'hidden' && width >= 2) {
      colour = parse(cs.outlineColor);
      how = `outline ${cs.outlineStyle} ${width}px ${cs.outlineColor}`;
      const offset = parseFloat(cs.outlineOffset) || 0;
      self = offset < -width / 2;
      reach = Math.max(0, offset + width);
      // A box-shadow that reaches beyond the outline is painted under it: a halo.
      if (!self) halo = shadows.filter((h) => !h.inset && h.blur === 0 && h.spread > offset + width / 2).sort((a, b) => b.spread - a.spread)[0] ?? null;
    } else {
      // The ring with the largest spread.
      for (const h of shadows) {
        if (h.spread >= 2) {
          colour = h.colour;
          how = `box-shadow ${h.text}`;
          self = h.inset;
          reach = h.inset ? 0 : h.spread;
        }
      }
    }
    if (!colour || colour[3] === 0) return { ok: false, text: `${describe(el)}: no focus indicator (outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow})` };
    const haloWidth = halo ? halo.spread - reach : 0;
    // What is outside the indicator: for an element out of the flow, what is painted around it.
    let outside = null;
    let where = '';
    if (!self && outOfFlow(el, false)) {
      const r = el.getBoundingClientRect();
      const d = reach + Math.max(haloWidth, 0) + 1;
      const inset = Math.min(2, r.width / 2, r.height / 2);
      // Painted above el: what covers a point just inside its edge.
      const points = [
        [r.left - d, r.top + r.height / 2, r.left + inset, r.top + r.height / 2],
        [r.right + d, r.top + r.height / 2, r.right - inset, r.top + r.height / 2],
        [r.left + r.width / 2, r.top - d, r.left + r.width / 2, r.top + inset],
        [r.left + r.width / 2, r.bottom + d, r.left + r.width / 2, r.bottom - inset],
      ];
      const found = [];
      for (const [x, y, ix, iy] of points) {
        const stackIn = document.elementsFromPoint(ix, iy);
        const above = stackIn.slice(0, Math.max(0, stackIn.indexOf(el)));
        const p = paintedAt(el, x, y, above);
        if (p?.why) return { ok: false, text: `${describe(el)}: ${how}, but the background cannot be decided (${p.why})` };
        if (p) found.push(p);
      }
      if (found.length) {
        outside = found.flatMap((p) => p.colours);
        where = ` (painted around it: ${[...new Set(found.map((p) => p.at))].join(', ')})`;
      }
    }
    const fade = opacityOf(el);
    const fadeOf = (c) => [...c.slice(0, 3), c[3] * fade];
    let pairs;
    if (outside) {
      pairs = outside.map((b) => ({ bg: b, fg: over(fadeOf(colour), halo ? over(fadeOf(halo.colour), b) : b), halo: halo ? over(fadeOf(halo.colour), b) : null }));
    } else {
      const c = chainBehind(el, self);
      if (c.why) return { ok: false, text: `${describe(el)}: ${how}, but the background cannot be decided (${c.why})` };
      const bgs = c.paint(null);
      const rings = c.paint(halo ? over(colour, halo.colour) : colour);
      const halos = halo ? c.paint(halo.colour) : null;
      pairs = bgs.map((b, i) => ({ bg: b, fg: rings[i], halo: halos ? halos[i] : null }));
    }
    let worst = Infinity;
    let detail = '';
    for (const p of pairs) {
      let r;
      if (p.halo) {
        // The ring against the halo, and the halo (if 2 px or more of it shows) against the outside.
        const inner = ratio(p.fg, p.halo);
        const outer = haloWidth >= 2 ? ratio(p.halo, p.bg) : ratio(p.fg, p.bg);
        r = Math.min(inner, outer);
        if (r < worst) detail = ` on a ${haloWidth}px halo ${hex(p.halo)}: ${inner.toFixed(2)}:1, ${haloWidth >= 2 ? 'the halo' : 'the ring'} on ${hex(p.bg)}: ${outer.toFixed(2)}:1`;
      } else {
        r = ratio(p.fg, p.bg);
        if (r < worst) detail = ` on ${pairs.length > 1 ? 'a gradient' : hex(p.bg)}`;
      }
      worst = Math.min(worst, r);
    }
    return { ok: worst >= 3, text: `${describe(el)}: ${how}${detail}${where} = ${worst.toFixed(2)}:1` };
  };

  /**
   * Text contrast decided from the computed styles where axe could not decide it: HTML text
   * against every colour behind it (all the colours of a gradient), SVG text (its fill) against
   * the shapes and the box painted under its middle. Text on an image stays undecided.
   */
  const textContrast = (el) => {
    const cs = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? cs.fill : cs.color);
    if (!fg) return { decided: false, text: `${describe(el)}: text colour ${svg ? cs.fill : cs.color} cannot be read` };
    const size = parseFloat(cs.fontSize);
    const bold = Number(cs.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    let behind;
    if (svg) {
      const r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight) el.scrollIntoView({ block: 'center' });
      const q = el.getBoundingClientRect();
      const layers = [];
      // What is painted under the text (an overlay above it, such as a dialog's backdrop, is not behind it).
      const stack = document.elementsFromPoint(q.left + q.width / 2, q.top + q.height / 2);
      const at = stack.indexOf(el);
      const under = at >= 0 ? stack.slice(at + 1) : [el.ownerSVGElement ?? el.parentElement];
      for (const u of under) {
        if (el.contains(u)) continue;
        if (u instanceof SVGElement && u.tagName.toLowerCase() !== 'svg') {
          if (!['rect', 'circle', 'ellipse', 'path', 'polygon'].includes(u.tagName.toLowerCase())) continue;
          const us = getComputedStyle(u);
          const f = us.fill === 'none' ? null : parse(us.fill);
          if (!f) continue;
          const a = f[3] * Number(us.fillOpacity) * Number(us.opacity);
          if (a <= 0) continue;
          layers.push([f[0], f[1], f[2], a]);
          if (a >= 1) break;
          continue;
        }
        const b = backgroundsBehind(u, true);
        behind = b.colours ? { colours: b.colours.map((c) => layers.reduceRight((acc, l) => over(l, acc), c)) } : b;
        break;
      }
      behind ??= { colours: [layers.reduceRight((acc, l) => over(l, acc), WHITE)] };
      if (behind.colours) behind = { colours: behind.colours, texts: behind.colours.map((b) => over(fg, b)) };
    } else if (outOfFlow(el, true)) {
      // Taken out of the flow: what is painted under its middle, with its own opacity folded in.
      const r = el.getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight) el.scrollIntoView({ block: 'center' });
      const q = el.getBoundingClientRect();
      const [x, y] = [q.left + q.width / 2, q.top + q.height / 2];
      const stack = document.elementsFromPoint(x, y);
      const p = paintedAt(el, x, y, stack.slice(0, Math.max(0, stack.indexOf(el))));
      const o = opacityOf(el);
      if (p?.colours) behind = { colours: p.colours, texts: p.colours.map((b) => over([...fg.slice(0, 3), fg[3] * o], b)) };
      else behind = p ?? { colours: null, why: 'out of view' };
    } else {
      const c = chainBehind(el, true);
      behind = c.why ? { colours: null, why: c.why } : { colours: c.paint(null), texts: c.paint(fg) };
    }
    if (!behind.colours) return { decided: false, text: `${describe(el)}: ${behind.why}` };
    const worst = Math.min(...behind.colours.map((b, i) => ratio(behind.texts[i], b)));
    const on = behind.colours.length > 1 ? 'a gradient' : hex(behind.colours[0]);
    return { decided: true, ok: worst >= need, text: `${describe(el)}: ${hex(fg)} on ${on} = ${worst.toFixed(2)}:1 (needs ${need}:1)` };
  };

  /** Only what a sighted user sees: no sr-only or hidden parts (symbols are dropped later). */
  const visibleText = (el) => {
    let out = '';
    const walk = (n) => {
      if (n.nodeType === Node.TEXT_NODE) {
        out += n.textContent;
        return;
      }
      if (n.nodeType !== Node.ELEMENT_NODE) return;
      const cs = getComputedStyle(n);
      if (cs.display === 'none' || cs.visibility === 'hidden') return;
      const r = n.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && (cs.position === 'absolute' || cs.overflow === 'hidden')) return; // sr-only
      // A block, flex or grid item starts a new line on the screen: words on either side stay apart.
      const apart = !/^inline/.test(cs.display) || /^(flex|grid)/.test(getComputedStyle(n.parentElement ?? n).display);
      if (apart) out += ' ';
      for (const c of n.childNodes) walk(c);
      if (apart) out += ' ';
    };
    walk(el);
    return out;
  };
  const words = (s) => s.toLocaleLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

  /** Buttons and links whose accessible name does not start with their visible text (2.5.3). */
  const namesNotStartingWithText = () => {
    window.axe.setup(document);
    try {
      const out = [];
      for (const el of document.querySelectorAll('button, a[href], [role=button], [role=link], summary')) {
        if (!el.checkVisibility() || el.closest('[inert], [aria-hidden=true]')) continue;
        const shown = words(visibleText(el));
        if (!shown) continue;
        const name = words(window.axe.commons.text.accessibleText(el) ?? '');
        // Spaces aside: block parts read as separate words on screen, while the name may join them.
        if (!name.replace(/ /g, '').startsWith(shown.replace(/ /g, ''))) out.push(`${describe(el)}: name "${name}" does not start with the visible "${shown}"`);
      }
      return out;
    } finally {
      window.axe.teardown();
    }
  };

  /**
   * Text cut off inside its box: text fields whose value is wider than the field, and boxes
   * that hide their overflow while their text is wider than they are, and selects whose chosen
   * option is wider than the box (all `clipped`: the closed select is what is read on screen,
   * the open list does not make up for it). `notes` is kept for what is only worth a line.
   */
  const clippedText = () => {
    const out = [];
    const notes = [];
    for (const el of document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select')) {
      if (!el.checkVisibility() || el.closest('[inert]')) continue;
      const cs = getComputedStyle(el);
      if (el.tagName === 'SELECT') {
        // The chosen option's text against the room inside the box (arrow included).
        const opt = el.selectedOptions[0];
        if (!opt) continue;
        canvas.font = cs.font;
        const need = canvas.measureText(opt.text).width + parseFloat(cs.paddingLeft) + 20;
        if (need > el.clientWidth + 1 && opt.text.length > 3) out.push(`${describe(el)}: the chosen "${opt.text.slice(0, 40)}" needs ${Math.round(need)}px in a ${el.clientWidth}px select`);
        continue;
      }
      if (el.tagName === 'TEXTAREA' || !el.value) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${describe(el)}: "${el.value.slice(0, 30)}" needs ${el.scrollWidth}px in a ${el.clientWidth}px field`);
    }
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'hidden' && cs.overflowX !== 'clip') continue;
      if (!el.checkVisibility() || el.closest('[inert]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) continue; // sr-only text is meant to be out of sight
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) || el.querySelector('*') !== null;
      if (hasText && el.scrollWidth > el.clientWidth + 1 && (el.innerText ?? '').trim()) out.push(`${describe(el)}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box with overflow ${cs.overflowX}${cs.textOverflow === 'ellipsis' ? ' (ellipsis)' : ''}`);
    }
    return { clipped: out, notes, overlapping: [...overlappingText(), ...sidewaysBoxes()] };
  };

  /**
   * Boxes that scroll sideways (overflow auto or scroll) for something other than a data
   * table (which 1.4.10 lets scroll in two directions): a dialog, a card or a panel whose
   * content is wider than it at this width. What sticks out is named, innermost first.
   */
  const sidewaysBoxes = () => {
    const out = [];
    for (const box of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(box);
      if (cs.overflowX !== 'auto' && cs.overflowX !== 'scroll') continue;
      if (box.scrollWidth <= box.clientWidth + 1 || !box.checkVisibility() || box.closest('[inert]')) continue;
      const edge = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
      const sticking = Array.from(box.querySelectorAll('*')).filter((el) => {
        if (el.closest('table') || !el.checkVisibility()) return false;
        const r = el.getBoundingClientRect();
        if (r.width <= 2 || r.height <= 2) return false; // sr-only
        return r.right > edge + 1;
      });
      const innermost = sticking.filter((el) => !sticking.some((o) => o !== el && el.contains(o)));
      if (innermost.length) out.push(`${describe(box)}: scrolls sideways (${box.scrollWidth}px in ${box.clientWidth}px), not for a table: ${innermost.slice(0, 3).map((el) => describe(el)).join(', ')}`);
    }
    return out;
  };

  /**
   * Text that runs out of a box which lets it show (overflow visible), over whatever is beside
   * it: a box with text whose content is wider than the box, outside a data table and outside
   * a box that hides or clips its overflow (their own checks), innermost boxes only. Inline
   * boxes have no width of their own.
   */
  const overlappingText = () => {
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el instanceof SVGElement || ['SCRIPT', 'STYLE', 'INPUT', 'TEXTAREA', 'SELECT', 'BR', 'IMG', 'svg'].includes(el.tagName)) continue;
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const cs = getComputedStyle(el);
      if (cs.overflowX !== 'visible' || /^(inline|contents|none|table|table-row|table-row-group|table-header-group)$/.test(cs.display)) continue;
      if (!el.checkVisibility() || el.closest('[inert]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) continue; // sr-only text is meant to be out of sight
      if (!(el.innerText ?? '').trim()) continue;
      // A data table scrolls in its own box (1.4.10 allows it), and a box that hides or clips
      // its overflow is clippedText's. A box that scrolls (a dialog, the lock screen, the
      // sidebar) is no excuse: text that runs out of its own box inside it still overlaps.
      if (el.closest('table, .table-scroll')) continue;
      // A box that is wider only because a data table in it is (it scrolls with its dialog or
      // page, which sidewaysBoxes allows for a table) lets no text run out.
      const edge = r.left + el.clientLeft + el.clientWidth;
      const out = Array.from(el.querySelectorAll('*')).filter((d) => d.getBoundingClientRect().right > edge + 1 && d.checkVisibility());
      if (out.length && out.every((d) => d.closest('table'))) continue;
      let clips = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (/^(hidden|clip)$/.test(getComputedStyle(a).overflowX)) clips = true;
      if (clips) continue;
      found.push(el);
    }
    return found
      .filter((el) => !found.some((o) => o !== el && el.contains(o)))
      .map((el) => `${describe(el)}: content ${el.scrollWidth}px wide runs out of its ${el.clientWidth}px box (overflow visible)`);
  };

  window.__icmA11y = { focusIndicator, textContrast, namesNotStartingWithText, clippedText, describe };
}

/** Installs the page-side helpers (again after a reload). */
export async function install(page) {
  if (await page.evaluate(() => typeof window.__icmA11y === 'object')) return;
  await page.evaluate(`(${pageHelpers.toString()})()`);
}

/** The contrast of the focus indicator of whatever has the focus now. */
export async function focusIndicatorNow(page) {
  await install(page);
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, text: 'the focus is on the page body', body: true };
    return { ...window.__icmA11y.focusIndicator(el), key: window.__icmA11y.describe(el) };
  });
}

/**
 * Walks with Tab (at most `max` presses) and checks the focus indicator of every element the
 * focus reaches while `inside(activeElement)` holds in the page (a function source, e.g.
 * `el => el.closest('.sidebar')`); stops at the first element outside after one was inside.
 * Fails with every weak or missing indicator; returns what was checked.
 */
export async function tabWalkFocusRing(page, where, inside, { max = 30, keys = ['Tab'] } = {}) {
  const seen = [];
  const bad = [];
  let entered = false;
  // The elements reached, by identity (two controls may be described alike): the walk has gone
  // round when it comes back to the first one; another one met again is not checked twice.
  await page.evaluate(() => (window.__icmWalk = []));
  for (let i = 0; i < max; i++) {
    for (const k of keys) await page.keyboard.press(k);
    const isIn = await page.evaluate(`(${inside})(document.activeElement)`);
    if (!isIn) {
      if (entered) break;
      continue;
    }
    entered = true;
    const at = await page.evaluate(() => {
      const i = window.__icmWalk.indexOf(document.activeElement);
      if (i < 0) window.__icmWalk.push(document.activeElement);
      return i;
    });
    if (at === 0) break; // went round
    if (at > 0) continue;
    const r = await focusIndicatorNow(page);
    seen.push(r.key);
    if (!r.ok) bad.push(r.text);
  }
  await page.evaluate(() => delete window.__icmWalk);
  if (seen.length === 0) throw new Error(`${where}: Tab never reached a control to check`);
  if (bad.length) throw new Error(`${where}: ${bad.length} of ${seen.length} focused controls have no focus indicator with 3:1 (WCAG 2.4.7, 1.4.11):\n${bad.map((b) => `    ${b}`).join('\n')}`);
  return seen;
}

/** Every visible button and link is named starting with the text it shows (WCAG 2.5.3). */
export async function assertNamesStartWithText(page, where) {
  await install(page);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) throw new Error('axe is not loaded: run checkA11y first');
  const bad = await page.evaluate(() => window.__icmA11y.namesNotStartingWithText());
  if (bad.length) throw new Error(`${where}: ${bad.length} control(s) whose accessible name does not start with the visible text (WCAG 2.5.3):\n${bad.slice(0, 10).map((b) => `    ${b}`).join('\n')}`);
}

/** No text is cut off inside a field or a box that hides its overflow, nor runs out of a box over its neighbours (WCAG 1.4.10). */
export async function assertNoClippedText(page, where) {
  await install(page);
  const { clipped, overlapping } = await page.evaluate(() => window.__icmA11y.clippedText());
  const bad = [...clipped, ...overlapping];
  if (bad.length) throw new Error(`${where}: text is cut off (WCAG 1.4.10):\n${bad.slice(0, 10).map((b) => `    ${b}`).join('\n')}`);
}

/**
 * Puts the demo app back after a failed test: the normal window size, no dialog open, the
 * screen unlocked, the team lead signed in, Danish.
 */
export async function recover(page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (let i = 0; i < 3 && (await page.locator('[role=dialog]:not(.lock-screen)').count()) > 0; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  if ((await page.locator('[role=dialog]:not(.lock-screen)').count()) > 0) await page.reload();
  if ((await page.locator('.lock-screen').count()) > 0) {
    await page.locator('.lock-screen input[type=password]').fill('demo-adgang');
    await page.locator('.lock-screen button[type=submit]').click();
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
  }
  if (await page.getByRole('heading', { name: /^(Vælg din egen adgangskode|Choose your own password)$/ }).isVisible()) {
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: /^(Log ud|Sign out)$/ }).click();
    await page.locator('.auth-page input').first().waitFor();
  }
  if (await page.evaluate(() => document.documentElement.lang !== 'da')) {
    await page.getByRole('button', { name: /^DA\b/ }).first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'da');
  }
  if (await page.getByRole('heading', { name: 'Log ind', exact: true, level: 1 }).isVisible()) {
    await page.getByLabel(/^Brugernavn/).fill('mette');
    await page.getByLabel(/^Adgangskode/).fill('demo-adgang');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  }
}

/**
 * Checks that record their failure and let the test go on (so that one missing fix does not
 * hide the checks after it); flush() at the end of the test fails it with all of them.
 */
export function softChecks() {
  const failed = [];
  return {
    async run(check) {
      try {
        await check();
      } catch (e) {
        failed.push(e.message);
      }
    },
    flush() {
      const all = failed.splice(0);
      if (all.length) throw new Error(`${all.length} check(s) failed:\n${all.map((m) => `- ${m}`).join('\n')}`);
    },
    clear() {
      failed.length = 0;
    },
  };
}

/**
 * The status line that has the focus is said once, on focus (WCAG 4.1.3): half a second later
 * its live sibling (StatusLine's `[role=status]` span) is still empty, no other live region
 * holds its text, none is around it, and its visible text is not aria-hidden (it is what is
 * read). A line that also filled its live region would be read twice.
 */
export async function assertSaidOnFocusOnly(page, where) {
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el?.matches('[data-status-line]')) return { err: `the focus left the status line for ${el?.tagName}` };
    const text = el.textContent.replace(/^\s*✓\s*/, '').trim();
    const sib = el.nextElementSibling;
    const liveSibling = sib?.matches('[role=status], [role=alert], [aria-live]') ? sib.textContent.trim() : '';
    const elsewhere = Array.from(document.querySelectorAll('[role=status], [role=alert], [aria-live]'))
      .filter((l) => l !== sib && text && l.textContent.includes(text))
      .map((l) => l.outerHTML.slice(0, 100));
    return {
      text,
      liveSibling,
      elsewhere,
      around: el.closest('[role=status], [role=alert], [aria-live]')?.outerHTML.slice(0, 100) ?? null,
      // What the focus reads: the text outside aria-hidden parts (an icon may be hidden).
      hidden:
        el.closest('[aria-hidden=true]') != null ||
        !Array.from(el.querySelectorAll('*'))
          .reduce((s, n) => (n.closest('[aria-hidden=true]') ? s : s + Array.from(n.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('')), Array.from(el.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join(''))
          .replace(/✓/g, '')
          .trim(),
    };
  });
  if (r.err) throw new Error(`${where}: ${r.err}`);
  const bad = [];
  if (r.liveSibling) bad.push(`its live sibling says "${r.liveSibling}" as well`);
  if (r.elsewhere.length) bad.push(`a live region holds its text too: ${r.elsewhere.join(', ')}`);
  if (r.around) bad.push(`it is inside a live region: ${r.around}`);
  if (r.hidden) bad.push('its visible text is aria-hidden, so the focus reads nothing');
  if (bad.length) throw new Error(`${where}: the focused status line "${r.text}" is read twice or not at all (WCAG 4.1.3): ${bad.join('; ')}`);
}

/**
 * The opposite (after a delete, when the focus goes elsewhere): a status line shows `text`,
 * its live sibling says it (filled a frame after it was emptied), and the visible copy is
 * aria-hidden so that reading on past it does not say it again; the line has no focus.
 */
export async function assertSaidLive(page, where, text) {
  const ok = await page
    .waitForFunction(
      (t) =>
        Array.from(document.querySelectorAll('[data-status-line]')).some(
          (el) => el.textContent.replace(/^\s*✓\s*/, '').trim() === t && el.nextElementSibling?.matches('[role=status], [aria-live]') && el.nextElementSibling.textContent.trim() === t,
        ),
      text,
      { timeout: 3000 },
    )
    .then(() => true, () => false);
  const r = await page.evaluate((t) => {
    const el = Array.from(document.querySelectorAll('[data-status-line]')).find((l) => l.textContent.replace(/^\s*✓\s*/, '').trim() === t);
    if (!el) return null;
    return { live: el.nextElementSibling?.matches('[role=status], [aria-live]') ? el.nextElementSibling.textContent.trim() : null, hidden: el.querySelector('[aria-hidden=true]') != null, focused: el === document.activeElement };
  }, text);
  if (!r) throw new Error(`${where}: no status line says "${text}"`);
  const bad = [];
  if (!ok) bad.push(`its live sibling says ${r.live === null ? 'nothing (there is none)' : `"${r.live}"`}`);
  if (!r.hidden) bad.push('its visible text is not aria-hidden (read again when reading on)');
  if (r.focused) bad.push('it took the focus (a delete leaves the focus on the next control)');
  if (bad.length) throw new Error(`${where}: "${text}" is not said once through the live region: ${bad.join('; ')}`);
}
