// Build facts that scripts/dist.sh hands to Vite (only VITE_* variables reach the bundle).
interface ImportMetaEnv {
  readonly VITE_ICM_COMMIT?: string;
  readonly VITE_ICM_BUILT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module '*.png' {
  const url: string;
  export default url;
}
