import type { ReactNode } from "react";
import { Bi } from "../../components/bilingual.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { AlternatesReview } from "./components/alternates-review.tsx";
import { BusinessHoursForm } from "./components/business-hours-form.tsx";
import { CannedRepliesAdmin } from "./components/canned-replies-admin.tsx";
import { FaqEntryList } from "./components/faq-entry-list.tsx";
import { FaqImportExport } from "./components/faq-import-export.tsx";
import "./faq.css";

function Section({
  id,
  ja,
  en,
  hintJa,
  hintEn,
  children,
}: {
  id: string;
  ja: string;
  en: string;
  hintJa: string;
  hintEn: string;
  children: ReactNode;
}) {
  return (
    <section className="admin-section card" aria-labelledby={id}>
      <h2 id={id}>
        <Bi ja={ja} en={en} />
      </h2>
      <p className="field__hint">
        <Bi ja={hintJa} en={hintEn} />
      </p>
      {children}
    </section>
  );
}

/** Admin: what the bot knows (FAQ, learned phrasings) and how it behaves (hours, handover, canned replies). */
export default function FaqAdminPage() {
  return (
    <div className="page faq-admin">
      <PageHeader ja="FAQ・ボット設定" en="FAQ & bot settings" title="FAQ・ボット設定 / FAQ & bot" />
      <Section
        id="faq-entries"
        ja="FAQ"
        en="FAQ entries"
        hintJa="ボットはここにある質問と言い換えからお答えします。自信がないときは候補を出し、分からないときはスタッフに引き継ぎます。"
        hintEn="The bot answers from these questions and phrasings; unsure, it offers choices; lost, it hands over to staff."
      >
        <FaqEntryList />
      </Section>
      <Section
        id="faq-io"
        ja="読み込み・書き出し"
        en="Import & export"
        hintJa="形式: { shop, domain, entries: [{ id, question, answer, alternates }] }"
        hintEn="Format: { shop, domain, entries: [{ id, question, answer, alternates }] }"
      >
        <FaqImportExport />
      </Section>
      <Section
        id="faq-learned"
        ja="学習した言い換え"
        en="Learned phrasings"
        hintJa="「解決した」が押された質問と、スタッフが FAQ に登録した質問です。承認するとボットが使います。"
        hintEn="Questions customers confirmed with 解決した and questions staff attached. The bot uses them once approved."
      >
        <AlternatesReview />
      </Section>
      <Section
        id="bot-settings"
        ja="営業時間と引き継ぎ"
        en="Business hours & handover"
        hintJa="営業時間外にスタッフへ引き継ぐと、お客様に返信の目安をお伝えします。"
        hintEn="Outside business hours, customers handed to staff are told when to expect a reply."
      >
        <BusinessHoursForm />
      </Section>
      <Section
        id="canned"
        ja="定型文"
        en="Canned replies"
        hintJa="受信箱の返信欄から挿入できます。"
        hintEn="Staff insert these from the reply box."
      >
        <CannedRepliesAdmin />
      </Section>
    </div>
  );
}
