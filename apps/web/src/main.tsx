import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './app/api-client';
import { i18nReady, initI18n, preloadOtherLanguage } from './app/i18n';
import { Providers } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createRouter, preloadSignedInPages } from './app/router';
import { forgetSession } from './modules/identity';
import './app/global.css';

const i18n = initI18n();
const queryClient = createQueryClient();
const router = createRouter();

// The session ended (expired, revoked elsewhere): forget the user and ask for a new sign-in.
setUnauthorizedHandler(() => {
  forgetSession(queryClient);
  const { pathname, search } = router.state.location;
  if (pathname.startsWith('/login') || pathname === '/register') return;
  void router.navigate(`/login?next=${encodeURIComponent(`${pathname}${search}`)}`, { replace: true });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

// A reader in English waits for the English texts of the first page (a small chunk) before the first render.
void i18nReady().then(() => {
  createRoot(container).render(
    <StrictMode>
      <Providers i18n={i18n} queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
  preloadSignedInPages();
  if (i18n.language !== 'en') preloadOtherLanguage();
});
