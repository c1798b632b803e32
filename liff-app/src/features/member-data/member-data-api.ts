import { useMutation } from "@tanstack/react-query";
import { ApiError, client, readJson } from "../../lib/api.ts";

const members = client.api.admin.members;

/** Downloads the members CSV (an authorised fetch, then a blob link: a plain <a href> would carry no ID token). */
export async function downloadMembersCsv(): Promise<void> {
  const response = await members["export.csv"].$get();
  if (!response.ok) throw new ApiError(response.status, "unexpected", `CSV ${response.status}`);
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "enishi-members.csv";
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file goes as it is (text/csv): the server decodes it, so what the preview read is what the import writes. */
function postImport(file: File, dryRun: boolean) {
  return readJson(
    members.import.$post(
      { query: { dryRun: dryRun ? "1" : "0" } },
      { init: { method: "POST", body: file, headers: { "content-type": "text/csv; charset=utf-8" } } },
    ),
  );
}

export type ImportSummary = Awaited<ReturnType<typeof postImport>>;

/** A dry run: what the file would create and update, and its bad rows. Writes nothing. */
export function usePreviewImport() {
  return useMutation({ mutationFn: (file: File) => postImport(file, true) });
}

export function useImportMembers() {
  return useMutation({ mutationFn: (file: File) => postImport(file, false) });
}
