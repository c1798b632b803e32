import { Bi } from "../../../components/bilingual.tsx";
import type { TimelineMessage } from "../api/get-timeline.ts";
import { arr, type JsonObject, obj, safeUrl, str } from "../utils/json.ts";
import { ActionLabel } from "./action-label.tsx";
import { FlexMessage } from "./flex-message.tsx";
import { RemoteImage } from "./remote-image.tsx";

/** One timeline message drawn like LINE shows it: bubble, template card or Flex, then its quick replies. */
export function MessageContent({ item }: { item: TimelineMessage }) {
  const message = obj(item.message);
  const quickReplies = arr(obj(message?.quickReply)?.items);
  return (
    <>
      <Body item={item} message={message} />
      {quickReplies.length > 0 ? (
        <ul className="quick-replies" aria-label="クイックリプライ / Quick replies">
          {quickReplies.map((entry, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes order
            <li key={i} className="chip">
              <ActionLabel action={obj(entry)?.action} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Body({ item, message }: { item: TimelineMessage; message: JsonObject | undefined }) {
  const type = str(message?.type) ?? item.kind;
  switch (type) {
    case "text":
      return <p className="bubble">{str(message?.text) ?? item.text}</p>;
    case "sticker":
      return <Placeholder ja="スタンプ" en="Sticker" icon="🙂" />;
    case "image": {
      const src = safeUrl(message?.previewImageUrl) ?? safeUrl(message?.originalContentUrl);
      return src ? (
        <figure className="bubble-figure">
          <RemoteImage className="bubble-image" src={src} />
          <figcaption className="visually-hidden">画像 / Image</figcaption>
        </figure>
      ) : (
        <Placeholder ja="画像" en="Image" icon="🖼" />
      );
    }
    case "video":
      return <Placeholder ja="動画" en="Video" icon="🎬" />;
    case "audio":
      return <Placeholder ja="音声" en="Audio" icon="🎙" />;
    case "file":
      return <Placeholder ja="ファイル" en="File" icon="📎" detail={str(message?.fileName)} />;
    case "location":
      return (
        <Placeholder
          ja="位置情報"
          en="Location"
          icon="📍"
          detail={[str(message?.title), str(message?.address)].filter(Boolean).join(" ")}
        />
      );
    case "template":
      return <TemplateMessage template={obj(message?.template)} altText={str(message?.altText) ?? item.text} />;
    case "flex":
      return (
        <figure className="flex-message" aria-label={str(message?.altText) ?? "Flex Message"}>
          <FlexMessage contents={message?.contents} />
        </figure>
      );
    case "imagemap":
      return <Placeholder ja="イメージマップ" en="Imagemap" icon="🗺" detail={str(message?.altText)} />;
    default:
      return <p className="bubble">{item.text ?? `[${type}]`}</p>;
  }
}

function Placeholder({ ja, en, icon, detail }: { ja: string; en: string; icon: string; detail?: string | undefined }) {
  return (
    <p className="bubble bubble--placeholder">
      <span aria-hidden="true">{icon} </span>
      <Bi ja={ja} en={en} inline />
      {detail ? <span className="bubble__detail">{detail}</span> : null}
    </p>
  );
}

function Actions({ actions, row = false }: { actions: unknown[]; row?: boolean }) {
  return (
    <ul className={row ? "template-actions template-actions--row" : "template-actions"}>
      {actions.map((action, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes order
        <li key={i}>
          <ActionLabel action={action} />
        </li>
      ))}
    </ul>
  );
}

function TemplateColumn({ column }: { column: JsonObject }) {
  const thumbnail = safeUrl(column.thumbnailImageUrl);
  return (
    <div className="template">
      {thumbnail ? <RemoteImage className="template-image" src={thumbnail} /> : null}
      <div className="template-body">
        {str(column.title) ? <p className="template-title">{str(column.title)}</p> : null}
        {str(column.text) ? <p className="template-text">{str(column.text)}</p> : null}
      </div>
      <Actions actions={arr(column.actions)} />
    </div>
  );
}

/** Buttons, confirm, carousel and image carousel templates. */
function TemplateMessage({ template, altText }: { template: JsonObject | undefined; altText: string | null | undefined }) {
  if (!template) return <p className="bubble">{altText}</p>;
  const label = altText ?? "Template";
  switch (template.type) {
    case "buttons":
      return (
        <figure className="rich" aria-label={label}>
          <TemplateColumn column={template} />
        </figure>
      );
    case "confirm":
      return (
        <figure className="rich template" aria-label={label}>
          <p className="template-body template-text">{str(template.text)}</p>
          <Actions actions={arr(template.actions)} row />
        </figure>
      );
    case "carousel":
    case "image_carousel":
      return (
        <ul className="flex-carousel" aria-label={label}>
          {arr(template.columns).map((column, i) => {
            const value = obj(column) ?? {};
            const image = safeUrl(value.imageUrl);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes order
              <li key={i} className="rich">
                {template.type === "carousel" ? (
                  <TemplateColumn column={value} />
                ) : (
                  <div className="template">
                    {image ? <RemoteImage className="template-image" src={image} /> : null}
                    <Actions actions={[value.action]} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      );
    default:
      return <p className="bubble">{altText}</p>;
  }
}
