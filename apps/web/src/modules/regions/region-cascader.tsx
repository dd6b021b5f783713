import { Cascader } from 'antd';
import { useMemo } from 'react';
import type { RegionData } from './regions.api';
import { useRegions } from './regions.queries';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function buildTree(regions: readonly RegionData[]): Option[] {
  const byParent = new Map<string | null, RegionData[]>();
  for (const r of regions) byParent.set(r.parent, [...(byParent.get(r.parent) ?? []), r]);
  const build = (parent: string | null): Option[] =>
    (byParent.get(parent) ?? []).map((r) => {
      const children = build(r.code);
      return { value: r.code, label: r.name, ...(children.length > 0 ? { children } : {}) };
    });
  return build(null);
}

/**
 * 省 → 市 → 区县 picker (GB/T 2260); `value` is the code of the most specific level chosen. The one region picker of
 * the web app: libraries' forms and filters and the organisation settings use it.
 */
export function RegionCascader({
  value,
  onChange,
  anyLevel = false,
  id,
  label,
  placeholder,
}: {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  /** allow stopping at a province or city (filters); forms need a full path when possible */
  anyLevel?: boolean;
  id?: string;
  /** the accessible name where no form label points at `id` (filters) */
  label?: string;
  /** in the caller's words, e.g. 省 / 市 / 区县 */
  placeholder?: string;
}) {
  const regions = useRegions();
  const tree = useMemo(() => buildTree(regions.data ?? []), [regions.data]);
  const path = useMemo(() => {
    if (!value || !regions.data) return undefined;
    const byCode = new Map(regions.data.map((r) => [r.code, r]));
    const out: string[] = [];
    for (let r = byCode.get(value); r; r = r.parent ? byCode.get(r.parent) : undefined) out.unshift(r.code);
    return out;
  }, [value, regions.data]);
  return (
    <Cascader
      id={id}
      aria-label={label}
      options={tree}
      value={path}
      loading={regions.isLoading}
      changeOnSelect={anyLevel}
      showSearch={{ filter: (input, options) => options.some((o) => String(o.label).includes(input)) }}
      placeholder={placeholder}
      onChange={(codes) => onChange?.(codes && codes.length > 0 ? String(codes[codes.length - 1]) : undefined)}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
