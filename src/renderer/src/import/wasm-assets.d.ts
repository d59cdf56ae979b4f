/** Vite's `?inline` asset import: the file as a data: URL, bundled into the worker. */
declare module '*.wasm?url&inline' {
  const dataUrl: string;
  export default dataUrl;
}
