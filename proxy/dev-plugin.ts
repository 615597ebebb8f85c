import type { Plugin } from 'vite';
import { checkRequestShape } from './front-door';
import { sendRefusal } from './problem';
import { DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, securityHeaders, setSecurityHeaders } from './security-headers';

/**
 * `npm run dev`: the same forwarding, guards, mock and security headers as `npm start`, in front of
 * Vite's HMR server. `vite build` writes the page policy into index.html as well, so a static
 * host that sets no headers (the demo) still runs the SPA under it.
 */
export function studioProxyPlugin(): Plugin {
  const devHeaders = securityHeaders(DEV_CONTENT_SECURITY_POLICY);
  return {
    name: 'cms-access-studio-proxy',
    async configureServer(server) {
      // Vitest builds a Vite server too; its tests bring their own mock, and must not take the journal's data folder.
      if (process.env.VITEST) return;
      // Loaded here, not at the top: every Vite and Vitest start reads vite.config.ts, and only `npm run dev` needs the studio.
      const [{ createAccessLog }, { loadConfig }, { createStudioHandler }] = await Promise.all([
        import('./access-log'),
        import('./config'),
        import('./handler'),
      ]);
      const port = server.config.server.port ?? 5173;
      const config = { ...loadConfig(process.env), host: server.config.server.host === true ? '0.0.0.0' : String(server.config.server.host ?? '127.0.0.1'), port };
      const studio = createStudioHandler(config, createAccessLog());
      studio.journalReady.then(
        (journal) => server.config.logger.info(`journal: ${journal}`),
        (error: unknown) => server.config.logger.error(`The change journal cannot open: ${error instanceof Error ? error.message : String(error)}`),
      );
      const http = server.httpServer;
      if (http && 'headersTimeout' in http) {
        http.headersTimeout = config.clientHeaderTimeoutMs;
        http.requestTimeout = config.clientRequestTimeoutMs;
      }
      server.middlewares.use((req, res, next) => {
        setSecurityHeaders(res, devHeaders);
        const refused = checkRequestShape(req);
        if (refused) sendRefusal(res, refused);
        else if (!studio.handle(req, res)) next();
      });
      server.httpServer?.once('close', () => void studio.close());
    },
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        if (context.server) return [];
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
      },
    },
  };
}
