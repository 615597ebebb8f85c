import { onCmsExchange } from '../../api/transport/cms-client';
import type { AdaptiveLimiter } from '../../lib/adaptive-limit';

/**
 * Feeds CMS's answers to the limiter: a 503 (busy, whether or not the client's retry then got
 * through) halves what a scan sends at once; answers that went through let it grow back.
 */
export function followCmsPressure(limiter: Pick<AdaptiveLimiter, 'busy' | 'ok'>): () => void {
  return onCmsExchange((exchange) => {
    if (exchange.status === 503) limiter.busy();
    else if (exchange.status !== undefined && exchange.status < 500) limiter.ok();
  });
}
