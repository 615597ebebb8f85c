import type { Section } from '../section';
import { auditBench } from './audit';
import { auditTabBench } from './audit-tab';
import { findSection } from './find';
import { fixBench } from './fix';
import { firstLoad } from './first-load';
import { journalBench } from './journal';
import { listingSpaces } from './listing-spaces';
import { matrixRender } from './matrix-render';
import { parseThroughput } from './parse-throughput';
import { proxyThroughput } from './proxy-throughput';
import { reach } from './reach';
import { spaceModel } from './space-model';

/** Run order. A new section is a module in this folder exporting a `Section`, added here. */
export const sections: readonly Section[] = [firstLoad, listingSpaces, parseThroughput, proxyThroughput, spaceModel, matrixRender, reach, findSection, journalBench, auditBench, auditTabBench, fixBench];
