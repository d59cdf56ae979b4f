import { useEffect, useState } from 'react';
import { otpTextLines, type ImportSource } from './import-actions';

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

/**
 * Files dropped anywhere on the window, and images or otpauth links pasted while no text field
 * has focus, become import sources. Returns whether a file is being dragged over the window.
 */
export function useWindowSources(
  onSources: (sources: ImportSource[]) => void,
  enabled: boolean,
): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (!enabled) return;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      // Always stop the browser from navigating to a dropped file.
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) onSources(files.map((file) => ({ kind: 'file', file })));
    };
    const onPaste = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data) return;
      const files = [...data.files];
      const lines = otpTextLines(data.getData('text/plain'));
      if (
        files.length > 0 &&
        !(isEditable(event.target) && lines.length === 0 && data.getData('text/plain') !== '')
      ) {
        event.preventDefault();
        onSources(files.map((file) => ({ kind: 'file', file })));
      } else if (lines.length > 0 && !isEditable(event.target)) {
        event.preventDefault();
        onSources([{ kind: 'texts', texts: lines }]);
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('paste', onPaste);
    };
  }, [onSources, enabled]);

  return dragging;
}
