import type { ReactNode } from 'react';

interface ToolbarProps {
  /** The search box (the vault view only). */
  search?: ReactNode;
  /** The switch between the app's views; after the search so the first Tab still reaches it. */
  nav?: ReactNode;
  /** Buttons on the right, in order; "Add account" is the primary one. New entry points go here. */
  actions?: ReactNode;
}

/** The app header: brand, search, then actions. A plain layout component with named slots. */
export function Toolbar({ search, nav, actions }: ToolbarProps) {
  return (
    <header className="toolbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1>Tessera</h1>
      </div>
      <div className="toolbar-search">{search}</div>
      {nav}
      {actions && (
        <div className="toolbar-actions" role="group" aria-label="Vault actions">
          {actions}
        </div>
      )}
    </header>
  );
}
