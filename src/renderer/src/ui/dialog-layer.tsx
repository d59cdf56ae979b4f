import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

interface DialogLayer {
  open: number;
  register(): () => void;
}

const DialogLayerContext = createContext<DialogLayer>({ open: 0, register: () => () => undefined });

/** Counts open modal dialogs so the app shell can hide itself from assistive tech meanwhile. */
export function DialogLayerProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(0);
  const [layer] = useState(() => ({
    register: () => {
      setOpen((n) => n + 1);
      return () => setOpen((n) => n - 1);
    },
  }));
  return (
    <DialogLayerContext.Provider value={{ open, register: layer.register }}>
      {children}
    </DialogLayerContext.Provider>
  );
}

export function useAnyDialogOpen(): boolean {
  return useContext(DialogLayerContext).open > 0;
}

export function useRegisterDialog(): void {
  const { register } = useContext(DialogLayerContext);
  useEffect(() => register(), [register]);
}
