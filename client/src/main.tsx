import '@mantine/core/styles.css';
import './styles/fonts.css';
import './styles/global.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { queryClient } from './api/queryClient';
import { App } from './App';
import { AuthProvider } from './auth/AuthProvider';
import type { Language } from './api/types';
import { loadMessages, type Messages } from './i18n';
import { applyDocumentLanguage, PreferencesProvider, storedLanguage } from './prefs/PreferencesProvider';
import { cssVariablesResolver, theme } from './theme';

// index.html starts Arabic/RTL; a stored English or French choice is applied before the first paint of the app.
const stored = storedLanguage();
applyDocumentLanguage(stored);

const found = document.getElementById('root');
if (!found) throw new Error('#root missing from index.html');
const root: HTMLElement = found;

// Arabic's messages are in the first chunk; another stored language's are fetched before the first render, so no
// raw key is ever shown. Should that fetch fail (offline), the app starts in Arabic rather than not at all.
loadMessages(stored).then(
  (messages) => render(stored, messages),
  () => {
    applyDocumentLanguage('ar');
    void loadMessages('ar').then((messages) => render('ar', messages));
  },
);

function render(language: Language, messages: Messages) {
  createRoot(root).render(
    <StrictMode>
      <DirectionProvider initialDirection={language === 'ar' ? 'rtl' : 'ltr'} detectDirection={false}>
        <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
          <QueryClientProvider client={queryClient}>
            <PreferencesProvider initialLanguage={language} initialMessages={messages}>
              <AuthProvider>
                <BrowserRouter>
                  <App />
                </BrowserRouter>
              </AuthProvider>
            </PreferencesProvider>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </StrictMode>,
  );
}
