import "./ranks.css";
import { PageHeader } from "../../components/page-header.tsx";
import { AuditList } from "./components/audit-list.tsx";
import { MemberAdjust } from "./components/member-adjust.tsx";
import { PointSettingsForm } from "./components/point-settings-form.tsx";
import { RanksEditor } from "./components/ranks-editor.tsx";
import { StoresEditor } from "./components/stores-editor.tsx";

/** `/admin/points` — point rules, ranks, stores and their rates, manual adjustments, and the audit log. */
export default function PointsAdminPage() {
  return (
    <div className="page page--wide">
      <PageHeader ja="ポイントとランク" en="Points & ranks" />
      <PointSettingsForm />
      <RanksEditor />
      <StoresEditor />
      <MemberAdjust />
      <AuditList />
    </div>
  );
}
