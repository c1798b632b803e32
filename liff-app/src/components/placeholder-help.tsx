import { Bi } from "./bilingual.tsx";

/** The placeholders a message can carry, for the hint under a text (Japanese first): broadcasts and scenario steps. */
export function PlaceholderHelp() {
  return (
    <p className="field__hint">
      <Bi
        ja="差し込み: {name} 名前・{rank} 会員ランク・{points} ポイント・{link:コード} トラッキングリンク（友だちごとの署名付きURL。クリックした人が分かります）"
        en="Placeholders: {name} name · {rank} member rank · {points} points · {link:CODE} tracked link (a URL signed per friend, so clicks are attributed)"
      />
    </p>
  );
}
