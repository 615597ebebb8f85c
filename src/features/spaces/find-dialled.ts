import { listAllTenants } from '../../api/resources/tenants';
import { loadSpaceModel } from '../../domain/profile-resolution/load-space-model';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { evaluateSpace, type SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import type { DialledSearch } from './dialled-input';
import { locateDialled, type Located, type LocatedSpace } from './locate-dialled';

/** CMS keeps a URI or call ID to one space; more answers than this means something else is wrong, and the rest waits. */
export const EVALUATED = 5;

export type FoundSpace = LocatedSpace & ({ evaluation: SpaceEvaluation } | { error: string });

export interface DialledFind {
  located: Located;
  /** the first EVALUATED spaces CMS named, each evaluated (or why it could not be read) */
  spaces: FoundSpace[];
}

export interface FindSources {
  /** the tenants uriUsageQuery is asked in, besides none */
  tenantIds: (signal?: AbortSignal) => Promise<string[]>;
  /** everything the one evaluation needs about a space */
  loadModel: (spaceId: string, signal?: AbortSignal) => Promise<SpaceModel>;
}

/** Straight from CMS, uncached: the bench and tests. The page passes its query cache instead. */
export const cmsFindSources: FindSources = {
  tenantIds: async (signal) => (await listAllTenants({}, signal)).items.flatMap((t) => (t.id ? [t.id.toLowerCase()] : [])),
  loadModel: (spaceId, signal) => loadSpaceModel(spaceId, { ...(signal ? { signal } : {}) }),
};

/**
 * The spaces a dialled URI or call ID reaches, located with CMS's own queries and then each read
 * and evaluated once, in parallel: never a read of every space.
 */
export async function findDialled(search: DialledSearch, sources: FindSources, signal?: AbortSignal): Promise<DialledFind> {
  const located = await locateDialled(search, sources.tenantIds(signal), signal);
  const spaces = await Promise.all(
    located.spaces.slice(0, EVALUATED).map(async (space): Promise<FoundSpace> => {
      try {
        return { ...space, evaluation: evaluateSpace(await sources.loadModel(space.id, signal)) };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { ...space, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  return { located, spaces };
}
