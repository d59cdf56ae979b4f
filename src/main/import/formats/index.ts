import type { ImportFormat } from '../import-types';

/** Other authenticators' export formats, tried in order by content detection. */
export const thirdPartyFormats: ImportFormat[] = [];
