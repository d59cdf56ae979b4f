import type { DragEvent } from 'react';
import type { Reorder } from './use-reorder';

const DRAG_TYPE = 'application/x-tessera-account';

/**
 * Drag and drop on the list element (one set of handlers for every row): a row dropped on another
 * takes its place. Keyboard reordering (Alt+arrows) does the same through `reorder`.
 */
export function dragHandlers(
  reorder: Reorder,
  rowOf: (event: DragEvent) => { index: number } | null,
) {
  return {
    onDragStart(event: DragEvent) {
      const hit = rowOf(event);
      if (!hit || !reorder.enabled) return;
      event.dataTransfer.setData(DRAG_TYPE, String(hit.index));
      event.dataTransfer.effectAllowed = 'move';
    },
    onDragOver(event: DragEvent) {
      if (reorder.enabled && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
    },
    onDrop(event: DragEvent) {
      const hit = rowOf(event);
      const from = Number(event.dataTransfer.getData(DRAG_TYPE));
      if (!hit || !Number.isInteger(from) || from === hit.index) return;
      event.preventDefault();
      void reorder.moveNextTo(from, hit.index);
    },
  };
}
