/** The tray icon: a 32×32 PNG of the Tessera tile, inline so nothing is loaded from disk. */
export const TRAY_ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAhElEQVR4AcXBgQmDQBREwbfLdXWlWLrF/AROUNEgQnRn1KeZJBPW+K24JobimjjROCqeUQxiw+wVzys2TJhZFe8pFibMhJkwE2bCTJgJM2Hq00ySCWusivvEUNwnvkyYCTNhJsyEmTATZsLMSrxHLEyY2RPPExuNIzEU/yVOqE8zSSbsA07zD5nKQ6ZsAAAAAElFTkSuQmCC';
