import { useQuery } from "@tanstack/react-query";
import { ApiError, client, readJson } from "../../lib/api.ts";

export interface KpiRange {
  from: string;
  to: string;
}

/** The dashboard for a period of JST days (GET /api/admin/kpis). */
export function useKpis(range: KpiRange) {
  return useQuery({
    queryKey: ["kpis", range.from, range.to],
    queryFn: () => readJson(client.api.admin.kpis.$get({ query: range })),
    staleTime: 60_000,
  });
}

/** Downloads the CSV (authorised fetch, then a blob link: a plain <a href> would carry no ID token). */
export async function downloadKpiCsv(range: KpiRange): Promise<void> {
  const response = await client.api.admin.kpis.csv.$get({ query: range });
  if (!response.ok) throw new ApiError(response.status, "unexpected", `CSV ${response.status}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `enishi-kpis-${range.from}_${range.to}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
