import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router';

export function ErrorFallback({ message }: { message: string }) {
  return (
    <Stack role="alert" spacing={2} sx={{ p: 4, alignItems: 'flex-start' }}>
      <Typography variant="h5" component="h1">
        Something went wrong
      </Typography>
      <Typography>{message}</Typography>
      <Button variant="contained" onClick={() => window.location.reload()}>
        Reload
      </Button>
    </Stack>
  );
}

export function RouteErrorFallback() {
  const error = useRouteError();
  return <ErrorFallback message={describeError(error)} />;
}

function describeError(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error) return error.message;
  return String(error);
}

type PageErrorBoundaryProps = { children: ReactNode };
type PageErrorBoundaryState = { error: unknown; hasError: boolean };

export class PageErrorBoundary extends Component<PageErrorBoundaryProps, PageErrorBoundaryState> {
  override state: PageErrorBoundaryState = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): PageErrorBoundaryState {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.hasError) return <ErrorFallback message={describeError(this.state.error)} />;
    return this.props.children;
  }
}
