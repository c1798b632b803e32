import { type ImageIssue, RICH_MENU_COMMON_SIZES, readImageInfo, richMenuImageIssues } from "@enishi/shared";
import { type ChangeEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useUploadImage } from "../api/menus.ts";

/**
 * Choosing the menu image. The file is checked here with the same rules the server applies (type from the
 * bytes, 800–2500 px wide, ≥ 250 px high, width ÷ height ≥ 1.45, ≤ 1 MB), so a wrong file is explained
 * before it is sent; the server checks again and has the last word.
 */
export function ImageUpload({ menuId, hasImage }: { menuId: string; hasImage: boolean }) {
  const id = useId();
  const upload = useUploadImage(menuId);
  const [issues, setIssues] = useState<ImageIssue[]>([]);
  const serverIssues = upload.error instanceof ApiError ? upload.error.fieldIssues.filter((i) => i.path === "image") : [];

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
    const found = richMenuImageIssues({ byteLength: file.size, declaredType: file.type, info: readImageInfo(head) });
    setIssues(found);
    upload.reset();
    if (found.length === 0) upload.mutate(file);
  }

  return (
    <div className="card">
      <div className="field">
        <label htmlFor={`${id}-file`}>
          <Bi
            ja={hasImage ? "画像を差し替える" : "メニュー画像を選ぶ"}
            en={hasImage ? "Replace the image" : "Choose the menu image"}
            inline
          />
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept="image/png,image/jpeg"
          onChange={choose}
          disabled={upload.isPending}
          data-testid="rich-menu-image-input"
        />
        <p className="field__hint">
          <Bi
            ja={`PNG か JPEG、1 MB 以下、幅 800〜2500px・高さ 250px 以上（例: ${RICH_MENU_COMMON_SIZES.slice(0, 3)
              .map((s) => `${s.width}×${s.height}`)
              .join("、")}）。差し替えると公開し直しが必要です。`}
            en="PNG or JPEG, ≤ 1 MB, 800–2500 px wide, ≥ 250 px high. A new image needs publishing again."
          />
        </p>
      </div>
      {upload.isPending ? (
        <p role="status">
          <Bi ja="アップロード中…" en="Uploading…" inline />
        </p>
      ) : null}
      {[
        ...issues.map((i) => ({ key: i.code, text: `${i.ja} / ${i.en}` })),
        ...serverIssues.map((i) => ({ key: i.message, text: i.message })),
      ].map((issue) => (
        <p key={issue.key} className="field__error" role="alert" data-testid="rich-menu-image-error">
          {issue.text}
        </p>
      ))}
      {upload.isError && serverIssues.length === 0 ? <ErrorState error={upload.error} /> : null}
      {upload.isSuccess ? (
        <p className="notice" role="status">
          <Bi ja="画像を保存しました。" en="Image saved." inline />
        </p>
      ) : null}
    </div>
  );
}
