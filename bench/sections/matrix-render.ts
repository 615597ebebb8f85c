import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { findings } from '../../src/domain/profile-resolution/findings';
import { joinPaths } from '../../src/domain/profile-resolution/join-paths';
import { summarize } from '../../src/domain/profile-resolution/summary';
import { buildMatrix } from '../../src/features/spaces/matrix';
import { ProfilesView } from '../../src/features/spaces/profiles-tab';
import { PATH_COLUMNS_PER_PAGE, ResolutionMatrix } from '../../src/features/spaces/resolution-matrix';
import { largeSpaceModel } from '../../src/features/spaces/testing/space-models';
import { count, ms } from '../format';
import { median, min } from '../measure';
import { BenchFailure, type Row, type Section } from '../section';

const ACCESS_METHODS = 500;
const MEMBERS = 5_000;
const WARM_UPS = 2;
const RUNS = 7;
const BUDGET_MS = 300;

function time(fn: () => unknown): number[] {
  for (let i = 0; i < WARM_UPS; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
}

function providers(child: ReactElement): ReactElement {
  const client = new QueryClient();
  return createElement(QueryClientProvider, { client }, createElement(MemoryRouter, null, child));
}

export const matrixRender: Section = {
  name: 'matrix',
  title: `Resolving and rendering the matrix: ${count(ACCESS_METHODS)} access methods, ${count(MEMBERS)} members`,
  note:
    `SpaceModel built in memory (data already loaded); react-dom/server renderToString in Node (no layout, no paint), ` +
    `${PATH_COLUMNS_PER_PAGE} join path columns per page; ${WARM_UPS} warm-ups, median of ${RUNS}; aim < ${BUDGET_MS} ms`,
  async run({ progress }) {
    const model = largeSpaceModel(ACCESS_METHODS, MEMBERS);
    const paths = joinPaths(model);
    const expected = 2 + ACCESS_METHODS + MEMBERS;
    if (paths.length !== expected) throw new BenchFailure(`joinPaths gave ${paths.length} ways in, expected ${expected}.`);

    const html = renderToString(providers(createElement(ResolutionMatrix, { model, paths })));
    if (!html.includes('data-param="needsActivation"')) throw new BenchFailure('The rendered matrix has no needsActivation row.');

    const cases: Array<[string, () => unknown]> = [
      ['joinPaths (resolve every way in)', () => joinPaths(largeSpaceModel(ACCESS_METHODS, MEMBERS))],
      ['summary + findings', () => [summarize(model, paths), findings(model, paths)]],
      ['buildMatrix (rows, filters over every path)', () => buildMatrix(model, paths, { pathWindow: { offset: 0, limit: PATH_COLUMNS_PER_PAGE } })],
      ['buildMatrix, "only differing" filter', () => buildMatrix(model, paths, { onlyDiffering: true, pathWindow: { offset: 0, limit: PATH_COLUMNS_PER_PAGE } })],
      ['render ResolutionMatrix', () => renderToString(providers(createElement(ResolutionMatrix, { model, paths })))],
      ['render the Profiles tab (paths, findings, cards, matrix)', () => renderToString(providers(createElement(ProfilesView, { model })))],
    ];

    const rows: Row[] = [];
    for (const [name, fn] of cases) {
      progress(name);
      const times = time(fn);
      const typical = median(times);
      rows.push({ name, median: ms(typical), min: ms(min(times)), budget: typical <= BUDGET_MS ? 'within' : 'OVER' });
    }
    rows[0] = { ...rows[0]!, name: `${rows[0]!.name} (model built inside)` };
    return rows;
  },
};
