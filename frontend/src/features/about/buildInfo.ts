// What the About dialog knows about the build beyond the version (which comes from Go).

/** The commit and build date of this frontend bundle; null when the build did not say. */
export interface BuildInfo {
  commit: string | null;
  /** ISO date (yyyy-mm-dd). */
  built: string | null;
}

const COMMIT = /^[0-9a-f]{7,40}(\+changes)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the VITE_ICM_* values, dropping anything that is not a commit hash or an ISO date. */
export function readBuildInfo(env: { VITE_ICM_COMMIT?: string; VITE_ICM_BUILT?: string }): BuildInfo {
  const commit = (env.VITE_ICM_COMMIT ?? '').trim();
  const built = (env.VITE_ICM_BUILT ?? '').trim();
  return {
    commit: COMMIT.test(commit) ? commit : null,
    built: ISO_DATE.test(built) ? built : null,
  };
}

/** This bundle's build facts, fixed when Vite built it. */
export const buildInfo: BuildInfo = readBuildInfo(import.meta.env ?? {});
