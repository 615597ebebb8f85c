/**
 * Every API call the studio makes carries `X-Requested-By: cms-access-studio`. A browser cannot
 * send it cross-origin without a CORS preflight, which the proxy never grants to a foreign origin,
 * so the proxy refuses API calls without it when it holds the CMS credentials.
 */
export const REQUESTED_BY_HEADER = 'X-Requested-By';
export const REQUESTED_BY = 'cms-access-studio';
