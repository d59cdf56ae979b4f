import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { QuickSearch } from './quick/quick-search';
import './styles/base.css';
import './styles/app.css';
import './styles/list.css';
import './styles/dialog.css';
import './organise/organise.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    {/* The Electron quick-search window loads the same bundle with #quick. */}
    {window.location.hash === '#quick' ? <QuickSearch /> : <App />}
  </StrictMode>,
);
