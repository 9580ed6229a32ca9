import type { ReactNode } from 'react';

/** Which plan a row is about: a signed version, or the current draft (versionId 0). */
export interface VersionTarget {
  courseId: number;
  versionId: number;
  versionNo: number;
}

/**
 * The spot for further actions on a plan version or the draft, shown at the end of its
 * row's buttons. The PDF export puts "Gem som PDF" and "Udskriv" here; until then it shows
 * nothing. Replace the body, not the callers: every row already renders it.
 */
export function VersionActions(_p: { target: VersionTarget }): ReactNode {
  return null;
}
