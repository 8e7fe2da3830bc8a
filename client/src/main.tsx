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
import { applyDocumentLanguage, PreferencesProvider, storedLanguage } from './prefs/PreferencesProvider';
import { cssVariablesResolver, theme } from './theme';

// index.html starts Arabic/RTL; a stored English choice is applied before the first paint of the app.
const language = storedLanguage();
applyDocumentLanguage(language);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <DirectionProvider initialDirection={language === 'ar' ? 'rtl' : 'ltr'} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <QueryClientProvider client={queryClient}>
          <PreferencesProvider>
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
