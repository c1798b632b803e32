import { type ChangeEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { exportFaq, type FaqFile, useImportFaq } from "../api/faq-admin.ts";
import { FieldErrors } from "./field-errors.tsx";

type Parsed = { file: FaqFile } | { problem: { ja: string; en: string } };

/** Reads a chosen file; the server validates the format again (and says which entry is wrong). */
async function readFaqFile(input: File): Promise<Parsed> {
  try {
    const value: unknown = JSON.parse(await input.text());
    if (typeof value !== "object" || value === null || !("entries" in value) || !Array.isArray(value.entries)) {
      return { problem: { ja: "FAQ の JSON 形式ではありません（entries がありません）。", en: "Not an FAQ JSON file (no entries)." } };
    }
    return { file: value as FaqFile };
  } catch {
    return { problem: { ja: "JSON として読めませんでした。", en: "The file is not valid JSON." } };
  }
}

/** Import and export in the shared format: `{ shop, domain, entries: [{ id, question, answer, alternates }] }`. */
export function FaqImportExport() {
  const id = useId();
  const importFaq = useImportFaq();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [exportError, setExportError] = useState<unknown>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    importFaq.reset();
    const chosen = event.target.files?.[0];
    setParsed(chosen ? await readFaqFile(chosen) : null);
  }

  async function download() {
    setExportError(null);
    try {
      const file = await exportFaq();
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = "faq.json";
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(error);
    }
  }

  return (
    <div className="faq-io">
      <button type="button" className="btn" onClick={() => void download()} data-testid="faq-export">
        <Bi ja="JSON を書き出す" en="Export JSON" inline />
      </button>
      {exportError ? <ErrorState error={exportError} /> : null}
      <div className="field">
        <label htmlFor={`${id}-file`}>
          <Bi ja="JSON を読み込む" en="Import JSON" />
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void choose(e)}
          data-testid="faq-import-file"
        />
      </div>
      {parsed && "problem" in parsed ? (
        <p className="field__error" role="alert">
          <Bi ja={parsed.problem.ja} en={parsed.problem.en} />
        </p>
      ) : null}
      {parsed && "file" in parsed ? (
        <form
          className="faq-io__confirm"
          onSubmit={(event) => {
            event.preventDefault();
            importFaq.mutate({ file: parsed.file, mode });
          }}
        >
          <p>
            <Bi
              ja={`${parsed.file.entries.length} 件の FAQ を読み込みます。`}
              en={`${parsed.file.entries.length} entries will be imported.`}
            />
          </p>
          <fieldset className="choice-group">
            <legend>
              <Bi ja="読み込み方" en="How" inline />
            </legend>
            <label className="check">
              <input type="radio" name={`${id}-mode`} checked={mode === "merge"} onChange={() => setMode("merge")} />{" "}
              <Bi ja="追加・更新（ほかの FAQ は残す）" en="Add and update (keep the others)" inline />
            </label>
            <label className="check">
              <input type="radio" name={`${id}-mode`} checked={mode === "replace"} onChange={() => setMode("replace")} />{" "}
              <Bi ja="置き換え（ファイルにない FAQ は削除）" en="Replace (delete entries not in the file)" inline />
            </label>
          </fieldset>
          <button type="submit" className="btn btn--primary" disabled={importFaq.isPending} data-testid="faq-import-submit">
            <Bi ja="読み込む" en="Import" inline />
          </button>
        </form>
      ) : null}
      {importFaq.isSuccess ? (
        <p role="status" data-testid="faq-import-result">
          <Bi ja={`${importFaq.data.imported} 件を読み込みました。`} en={`Imported ${importFaq.data.imported} entries.`} />
        </p>
      ) : null}
      <FieldErrors error={importFaq.error} />
      {importFaq.isError ? <ErrorState error={importFaq.error} /> : null}
    </div>
  );
}
