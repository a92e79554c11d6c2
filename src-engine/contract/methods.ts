// The AppApi method names, without zod: the sandboxed Electron preload imports this list, and a
// sandboxed preload can load nothing but 'electron' (bundled packages would become require calls).
export const METHODS = [
  'app:info',
  'drugs:list',
  'drugs:listCustom',
  'drugs:saveCustom',
  'drugs:deleteCustom',
  'scenarios:list',
  'scenarios:get',
  'scenarios:save',
  'scenarios:delete',
  'scenarios:restore',
  'engine:simulate',
  'runs:create',
  'runs:list',
  'runs:get',
  'runs:exportCsv',
  'validation:run',
  'compare:run',
  'comparisons:save',
  'comparisons:list',
  'comparisons:get',
  'comparisons:delete',
  'reports:export',
  'backup:create',
  'backup:list',
  'backup:restore',
  'settings:get',
  'settings:set',
  'workingCopy:get',
  'workingCopy:set',
] as const;

export type Method = (typeof METHODS)[number];

export function isMethod(name: string): name is Method {
  return (METHODS as readonly string[]).includes(name);
}
