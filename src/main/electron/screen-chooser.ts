import type { MessageBoxOptions } from 'electron';

export interface ScreenSource {
  id: string;
  name: string;
}

/**
 * Where the OS has no picker of its own, the person says which screen to scan for a QR code:
 * a screen is never captured without being named. One button per screen, then Cancel.
 */
export function screenChoiceDialog(sources: readonly ScreenSource[]): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Scan QR code on screen',
    message:
      sources.length > 0
        ? 'Which screen should Tessera look at? It takes one picture and looks for QR codes in it.'
        : 'Tessera found no screen it may capture.',
    buttons: [...sources.map((source) => source.name || 'Screen'), 'Cancel'],
    cancelId: sources.length,
    defaultId: sources.length,
    noLink: true,
  };
}

/** The source the person chose, or undefined when they cancelled (nothing is captured). */
export function chosenScreen<S extends ScreenSource>(
  sources: readonly S[],
  response: number,
): S | undefined {
  return response >= 0 && response < sources.length ? sources[response] : undefined;
}
