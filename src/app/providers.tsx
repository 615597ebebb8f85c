import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { sessionCredentials } from '../api/transport/session';
import { isCmsError } from '../api/transport/errors';
import { theme, themeStorageKeys } from './theme';

export function createQueryClient() {
  return new QueryClient({
    // A 401 means the typed credentials no longer work: forget them so the sign-in form returns.
    queryCache: new QueryCache({
      onError: (error) => {
        if (isCmsError(error) && error.kind === 'unauthorized') sessionCredentials.clear();
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // The client already retried 503s with backoff; anything else would fail the same way again.
        retry: false,
      },
    },
  });
}

type ProvidersProps = {
  children: ReactNode;
  queryClient?: QueryClient;
};

export function Providers({ children, queryClient }: ProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ThemeProvider
        theme={theme}
        modeStorageKey={themeStorageKeys.mode}
        colorSchemeStorageKey={themeStorageKeys.colorScheme}
        disableTransitionOnChange
      >
        <CssBaseline />
        {children}
      </ThemeProvider>
    </QueryClientProvider>
  );
}
