import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appStore } from './state/useAppStore';
import { App } from './ui/App';
import './ui/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Open with numbers: run the default parameters once at start (in the engine worker).
void appStore.getState().startRun();
