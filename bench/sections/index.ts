import type { Section } from '../section';
import { listingSpaces } from './listing-spaces';
import { parseThroughput } from './parse-throughput';
import { proxyThroughput } from './proxy-throughput';

/** Run order. A new section is a module in this folder exporting a `Section`, added here. */
export const sections: readonly Section[] = [listingSpaces, parseThroughput, proxyThroughput];
