import type { z } from 'zod';
import type { CmsCollection, WireParams } from './client';
import { cmsClient } from './cms-client';
import { collectAll } from './paging';

/** One page: CMS serves at most 10 or 20 items whatever `limit` says; `total` tells how many match. */
export type PageParams = { offset?: number; limit?: number };

/** The filters of a list, for a read of every page (the pager owns `offset` and `limit`). */
export type EveryPage<P extends PageParams> = Omit<P, 'offset' | 'limit'>;

export interface CollectionDef<S extends z.ZodType> {
  /** `coSpaces`, `coSpaces/<id>/accessMethods`, … */
  path: string;
  /** the element of one entry: `coSpace` */
  item: string;
  schema: S;
}

export function fetchPage<S extends z.ZodType>(
  def: CollectionDef<S>,
  params: WireParams,
  signal?: AbortSignal,
): Promise<CmsCollection<z.output<S>>> {
  return cmsClient().getCollection(def.path, { item: def.item, schema: def.schema, query: params, signal });
}

export function fetchEveryPage<S extends z.ZodType>(
  def: CollectionDef<S>,
  params: WireParams,
  signal?: AbortSignal,
): Promise<CmsCollection<z.output<S>>> {
  return collectAll(cmsClient(), def.path, { item: def.item, schema: def.schema, query: params, signal });
}
