import { type FormEvent, useId, useState } from "react";
import { Bi } from "../../../components/bilingual.tsx";
import { ErrorState } from "../../../components/states.tsx";
import { useLinkMember } from "../api/link-status.ts";
import { type LinkProblem, retryTime, toLinkProblem } from "./link-problem.ts";

type Method = "birthday" | "phone";

function ProblemMessage({ problem }: { problem: LinkProblem }) {
  switch (problem.kind) {
    case "mismatch":
      return (
        <p className="field__error" role="alert" data-testid="link-mismatch">
          <Bi
            ja={`入力された内容と一致する会員情報が見つかりません。会員番号と生年月日（または電話番号）をご確認ください。あと${problem.remainingAttempts}回お試しいただけます。`}
            en={`No membership matches what you entered. Check your member number and birthday (or phone). ${problem.remainingAttempts} tries left.`}
          />
        </p>
      );
    case "locked": {
      const minutes = Math.ceil(problem.retryAfterSeconds / 60);
      return (
        <p className="field__error" role="alert" data-testid="link-locked">
          <Bi
            ja={`確認に続けて失敗したため、安全のため一時的にロックしています。${retryTime(problem.retryAt)}（約${minutes}分後）以降にもう一度お試しください。お急ぎの場合は店舗スタッフにお声がけください。`}
            en={`After several failed tries this is locked for your safety. Please try again after ${retryTime(problem.retryAt)} JST (in about ${minutes} min), or ask the staff in store.`}
          />
        </p>
      );
    }
    case "member-taken":
      return (
        <p className="field__error" role="alert">
          <Bi
            ja="この会員番号は別の LINE アカウントと連携済みです。お心当たりがない場合は店舗にお問い合わせください。"
            en="This membership is already linked to another LINE account. If that was not you, please contact the shop."
          />
        </p>
      );
    case "friend-has-other":
      return (
        <p className="field__error" role="alert">
          <Bi
            ja={`この LINE アカウントは会員番号 ${problem.memberNumber} と連携済みです。切り替えるには先に連携を解除してください。`}
            en={`This LINE account is linked to member ${problem.memberNumber}. Unlink it first to switch.`}
          />
        </p>
      );
    case "fields":
      return (
        <div role="alert">
          {problem.issues.map((issue) => (
            <p key={issue.path} className="field__error">
              {issue.message}
            </p>
          ))}
        </div>
      );
    case "other":
      return <ErrorState error={problem.error} />;
  }
}

/** Member number plus birthday or the phone's last 4 digits; the server checks, counts and decides. */
export function LinkForm() {
  const id = useId();
  const link = useLinkMember();
  const [method, setMethod] = useState<Method>("birthday");
  const [memberNumber, setMemberNumber] = useState("");
  const [birthday, setBirthday] = useState("");
  const [phoneLast4, setPhoneLast4] = useState("");
  const problem = link.isError ? toLinkProblem(link.error) : null;
  // Re-evaluated on every keystroke, so the button comes back once the lockout has passed.
  const locked = problem?.kind === "locked" && Date.now() < problem.retryAt;

  function submit(event: FormEvent) {
    event.preventDefault();
    link.mutate(method === "birthday" ? { method, memberNumber, birthday } : { method, memberNumber, phoneLast4 });
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="link-form">
      <h2 id={`${id}-title`} className="card__title">
        <Bi ja="会員番号で連携する" en="Link with your member number" />
      </h2>
      <div className="field">
        <label htmlFor={`${id}-number`}>
          <Bi ja="会員番号" en="Member number" inline />
        </label>
        <input
          id={`${id}-number`}
          name="memberNumber"
          value={memberNumber}
          onChange={(event) => setMemberNumber(event.target.value)}
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={24}
        />
        <p className="field__hint">
          <Bi ja="会員カードやレシートに記載の番号です。" en="The number on your member card or receipt." />
        </p>
      </div>
      <fieldset className="field link-method">
        <legend>
          <Bi ja="本人確認の方法" en="Confirm it is you with" inline />
        </legend>
        <label>
          <input type="radio" name="method" value="birthday" checked={method === "birthday"} onChange={() => setMethod("birthday")} />{" "}
          <Bi ja="生年月日" en="Birthday" inline />
        </label>
        <label>
          <input type="radio" name="method" value="phone" checked={method === "phone"} onChange={() => setMethod("phone")} />{" "}
          <Bi ja="電話番号の下4桁" en="Last 4 digits of your phone" inline />
        </label>
      </fieldset>
      {method === "birthday" ? (
        <div className="field">
          <label htmlFor={`${id}-birthday`}>
            <Bi ja="生年月日" en="Birthday" inline />
          </label>
          <input
            id={`${id}-birthday`}
            name="birthday"
            type="date"
            value={birthday}
            onChange={(event) => setBirthday(event.target.value)}
            required
          />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-phone`}>
            <Bi ja="電話番号の下4桁" en="Last 4 digits of your phone" inline />
          </label>
          <input
            id={`${id}-phone`}
            name="phoneLast4"
            value={phoneLast4}
            onChange={(event) => setPhoneLast4(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={8}
          />
        </div>
      )}
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div>
        <button type="submit" className="btn btn--primary" disabled={link.isPending || locked}>
          {link.isPending ? <Bi ja="確認中…" en="Checking…" inline /> : <Bi ja="連携する" en="Link" inline />}
        </button>
      </div>
      <p className="field__hint">
        <Bi ja="入力に続けて5回失敗すると、1時間ロックされます。" en="After 5 failed tries, linking is locked for an hour." />
      </p>
    </form>
  );
}
