import { MEMBER_IMPORT_COLUMNS, MEMBER_IMPORT_MAX_BYTES, MEMBER_IMPORT_MAX_ROWS } from "@enishi/shared/members/member-csv";
import { useState } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { Field } from "../../components/field.tsx";
import { FormProblem } from "../../components/form-feedback.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { downloadMembersCsv, type ImportSummary, useImportMembers, usePreviewImport } from "./member-data-api.ts";
import "../../components/admin.css";
import "./member-data.css";

const COLUMN_HELP: Record<(typeof MEMBER_IMPORT_COLUMNS)[number], [string, string]> = {
  member_number: ["会員番号（必須）", "member number (required)"],
  name: ["氏名（必須）", "name (required)"],
  name_kana: ["フリガナ", "name in kana"],
  birthday: ["生年月日 YYYY-MM-DD", "birthday, YYYY-MM-DD"],
  phone_last4: ["電話番号の下4桁", "last 4 digits of the phone"],
  store_id: ["店舗ID", "store ID"],
};

function ExportPanel() {
  const [state, setState] = useState<{ busy: boolean; error: unknown; done: boolean }>({ busy: false, error: null, done: false });
  return (
    <section className="card md-panel" aria-labelledby="md-export">
      <h2 id="md-export" className="card__title">
        <Bi ja="書き出し" en="Export" />
      </h2>
      <p className="field__hint">
        <Bi
          ja="すべての会員を 1 行ずつ CSV にします：会員番号、氏名、フリガナ、店舗、ランク、ポイント残高、LINE 連携の有無、LINE ユーザー ID、登録日。Excel でそのまま開けます（UTF-8、BOM 付き）。書き出しは記録されます。"
          en="Every member as one CSV row: number, name, kana, store, rank, points balance, linked or not, LINE user ID, created date. Opens in Excel as it is (UTF-8 with BOM). The export is audited."
        />
      </p>
      <button
        type="button"
        className="btn"
        disabled={state.busy}
        onClick={() => {
          setState({ busy: true, error: null, done: false });
          downloadMembersCsv().then(
            () => setState({ busy: false, error: null, done: true }),
            (error: unknown) => setState({ busy: false, error, done: false }),
          );
        }}
      >
        <Bi ja="会員 CSV を書き出す" en="Export members CSV" inline />
      </button>
      <FormProblem error={state.error} />
      {state.done ? (
        <p className="notice" role="status">
          <Bi ja="ダウンロードしました。" en="Downloaded." />
        </p>
      ) : null}
    </section>
  );
}

function Counts({ summary }: { summary: ImportSummary }) {
  const items: [string, string, number][] = [
    ["新規", "new", summary.created],
    ["更新", "updated", summary.updated],
    ["変更なし", "unchanged", summary.unchanged],
    ["問題のある行", "rows with problems", new Set(summary.problems.map((p) => p.line)).size],
  ];
  if (summary.skipped > 0) items.push(["対象外（LINE だけの会員証）", "skipped (LINE-only cards)", summary.skipped]);
  return (
    <dl className="md-counts" aria-label="件数 / Counts">
      {items.map(([ja, en, n]) => (
        <div key={en} className={en === "rows with problems" && n > 0 ? "md-counts__bad" : undefined}>
          <dt>
            <Bi ja={ja} en={en} />
          </dt>
          <dd>{n.toLocaleString("ja-JP")}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProblemTable({ problems }: { problems: ImportSummary["problems"] }) {
  return (
    <div className="md-problems">
      <table className="admin-table" aria-label="問題のある行 / Rows with problems">
        <thead>
          <tr>
            <th className="num">
              <Bi ja="行" en="Line" />
            </th>
            <th>
              <Bi ja="会員番号" en="Member no." />
            </th>
            <th>
              <Bi ja="列" en="Column" />
            </th>
            <th>
              <Bi ja="内容" en="Problem" />
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p) => {
            // Messages are "Japanese / English".
            const cut = p.message.indexOf(" / ");
            const [ja, en] = cut < 0 ? [p.message, ""] : [p.message.slice(0, cut), p.message.slice(cut + 3)];
            return (
              <tr key={`${p.line}-${p.column ?? ""}-${p.message}`}>
                <td className="num">{p.line}</td>
                <td>{p.memberNumber ?? "—"}</td>
                <td>{p.column ?? "—"}</td>
                <td>
                  <Bi ja={ja} en={en} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const preview = usePreviewImport();
  const importer = useImportMembers();
  const summary = preview.data;
  const ready = summary !== undefined && summary.problems.length === 0 && summary.created + summary.updated > 0;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    importer.reset();
    preview.reset();
    setTooBig(chosen !== null && chosen.size > MEMBER_IMPORT_MAX_BYTES);
    if (chosen && chosen.size <= MEMBER_IMPORT_MAX_BYTES) preview.mutate(chosen);
  };

  return (
    <section className="card md-panel" aria-labelledby="md-import">
      <h2 id="md-import" className="card__title">
        <Bi ja="取り込み" en="Import" />
      </h2>
      <p className="field__hint">
        <Bi
          ja={`1行目は見出しです。会員番号が同じ会員は更新され（LINE 連携とポイントはそのまま）、新しい番号は追加されます。ない列はそのまま残ります。UTF-8 の CSV（Excel では「CSV UTF-8」で保存）、${MEMBER_IMPORT_MAX_ROWS.toLocaleString("ja-JP")}行・1MB まで。`}
          en={`The first line is the header. A member with the same number is updated (their LINE link and points stay); new numbers are added; a column left out stays as it is. UTF-8 CSV (in Excel, "CSV UTF-8"), up to ${MEMBER_IMPORT_MAX_ROWS.toLocaleString("en")} rows and 1 MB.`}
        />
      </p>
      <ul className="md-columns">
        {MEMBER_IMPORT_COLUMNS.map((c) => (
          <li key={c}>
            <code>{c}</code> <Bi ja={COLUMN_HELP[c][0]} en={COLUMN_HELP[c][1]} inline />
          </li>
        ))}
      </ul>
      <Field ja="CSV ファイルを選ぶ" en="Choose a CSV file">
        {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} />}
      </Field>
      {tooBig ? (
        <p className="field__error" role="alert">
          <Bi ja="ファイルは1MBまでです。分けて取り込んでください。" en="The file must be 1 MB or smaller: split it." />
        </p>
      ) : null}
      {preview.isPending ? (
        <p className="field__hint" role="status">
          <Bi ja="確認しています…" en="Checking…" />
        </p>
      ) : null}
      <FormProblem error={preview.error} />
      {summary && !importer.isSuccess ? (
        <div className="md-preview" aria-live="polite">
          <h3>
            <Bi ja={`確認結果：${file?.name ?? ""}（${summary.rows}行）`} en={`Preview: ${file?.name ?? ""} (${summary.rows} rows)`} />
          </h3>
          <Counts summary={summary} />
          {summary.problems.length > 0 ? (
            <>
              <p className="field__error" role="alert">
                <Bi
                  ja="問題のある行があるため取り込めません。ファイルを直してから、もう一度選んでください（まだ何も変更していません）。"
                  en="Some rows have problems, so nothing can be imported. Fix the file and choose it again (nothing has changed yet)."
                />
              </p>
              <ProblemTable problems={summary.problems} />
            </>
          ) : summary.created + summary.updated === 0 ? (
            <p className="notice" role="status">
              <Bi ja="変更する会員はありません。" en="Nothing to change." />
            </p>
          ) : null}
          <div className="md-actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={!ready || importer.isPending || !file}
              onClick={() => file && importer.mutate(file)}
            >
              <Bi
                ja={`取り込む（新規 ${summary.created}・更新 ${summary.updated}）`}
                en={`Import (${summary.created} new, ${summary.updated} updated)`}
                inline
              />
            </button>
            <button type="button" className="btn" onClick={() => choose(null)}>
              <Bi ja="やめる" en="Cancel" inline />
            </button>
          </div>
        </div>
      ) : null}
      <FormProblem error={importer.error} />
      {importer.data ? (
        <p className="notice" role="status">
          <Bi
            ja={`取り込みました：新規 ${importer.data.created}件、更新 ${importer.data.updated}件、変更なし ${importer.data.unchanged}件。`}
            en={`Imported: ${importer.data.created} new, ${importer.data.updated} updated, ${importer.data.unchanged} unchanged.`}
          />
        </p>
      ) : null}
    </section>
  );
}

/** /admin/member-data — the members CSV: export, and import with a preview first (decision 024). */
export default function MemberDataPage() {
  return (
    <div className="page">
      <PageHeader ja="会員データ" en="Member data" />
      <p className="field__hint">
        <Bi
          ja="会員を CSV で書き出し、取り込みます。管理者のみが操作でき、すべて記録されます。"
          en="Export and import members as CSV. Admins only; every import and export is audited."
        />
      </p>
      <ExportPanel />
      <ImportPanel />
    </div>
  );
}
