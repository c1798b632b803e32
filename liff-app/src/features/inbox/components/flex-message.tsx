import type { CSSProperties } from "react";
import { arr, type JsonObject, num, obj, safeColor, safeUrl, str } from "../utils/json.ts";
import { ActionLabel } from "./action-label.tsx";
import { RemoteImage } from "./remote-image.tsx";

/**
 * Flex Messages drawn simply: boxes, text, buttons, images, separators and spacing, close enough for staff
 * to see what the customer saw. Not a pixel-exact renderer.
 * https://developers.line.biz/en/docs/messaging-api/flex-message-elements/
 */
export function FlexMessage({ contents }: { contents: unknown }) {
  const container = obj(contents);
  if (!container) return null;
  if (container.type === "carousel") {
    return (
      <ul className="flex-carousel" aria-label="カルーセル / Carousel">
        {arr(container.contents).map((bubble, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes order
          <li key={i}>
            <FlexBubble bubble={obj(bubble)} />
          </li>
        ))}
      </ul>
    );
  }
  return <FlexBubble bubble={container} />;
}

const SECTIONS = ["header", "hero", "body", "footer"] as const;

function FlexBubble({ bubble }: { bubble: JsonObject | undefined }) {
  if (!bubble) return null;
  const styles = obj(bubble.styles);
  return (
    <div className={`flex-bubble flex-bubble--${str(bubble.size) ?? "mega"}`}>
      {SECTIONS.map((name) => {
        const section = obj(bubble[name]);
        if (!section) return null;
        const background = safeColor(obj(styles?.[name])?.backgroundColor);
        return (
          <div key={name} className={`flex-section flex-section--${name}`} style={background ? { backgroundColor: background } : undefined}>
            <FlexNode node={section} parentLayout="vertical" />
          </div>
        );
      })}
    </div>
  );
}

const FONT_SIZES: Record<string, string> = {
  xxs: "11px",
  xs: "13px",
  sm: "14px",
  md: "16px",
  lg: "19px",
  xl: "22px",
  xxl: "29px",
  "3xl": "35px",
  "4xl": "48px",
  "5xl": "74px",
};
const SPACING: Record<string, string> = { none: "0", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" };

/** Keywords (sm, md…) or pixel/percent values as LINE allows them. */
function length(value: unknown, keywords: Record<string, string>): string | undefined {
  const text = str(value);
  if (!text) return undefined;
  if (keywords[text]) return keywords[text];
  return /^\d+(\.\d+)?(px|%)$/.test(text) ? text : undefined;
}

function childStyle(node: JsonObject, parentLayout: string): CSSProperties {
  const style: CSSProperties = {};
  // In horizontal and baseline boxes children share the width by `flex` (default 1); vertically, 0.
  const flex = num(node.flex) ?? (parentLayout === "vertical" ? 0 : 1);
  style.flex = parentLayout === "vertical" ? (flex > 0 ? `${flex} 1 auto` : "none") : `${flex} 1 0%`;
  const margin = length(node.margin, SPACING);
  if (margin) style[parentLayout === "vertical" ? "marginTop" : "marginLeft"] = margin;
  return style;
}

function FlexNode({ node, parentLayout }: { node: JsonObject; parentLayout: string }) {
  const base = childStyle(node, parentLayout);
  switch (node.type) {
    case "box": {
      const layout = str(node.layout) ?? "vertical";
      const style: CSSProperties = {
        ...base,
        gap: length(node.spacing, SPACING),
        padding: length(node.paddingAll, SPACING),
        backgroundColor: safeColor(node.backgroundColor),
        borderRadius: length(node.cornerRadius, SPACING),
        borderColor: safeColor(node.borderColor),
        borderWidth: node.borderWidth ? "1px" : undefined,
        borderStyle: node.borderWidth ? "solid" : undefined,
      };
      return (
        <div className={`flex-box flex-box--${layout}`} style={style}>
          {arr(node.contents).map((child, i) => {
            const childNode = obj(child);
            // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes order
            return childNode ? <FlexNode key={i} node={childNode} parentLayout={layout} /> : null;
          })}
        </div>
      );
    }
    case "text": {
      const spans = arr(node.contents)
        .map((span) => str(obj(span)?.text) ?? "")
        .join("");
      const style: CSSProperties = {
        ...base,
        fontSize: length(node.size, FONT_SIZES),
        fontWeight: node.weight === "bold" ? 700 : undefined,
        color: safeColor(node.color),
        textAlign: node.align === "center" || node.align === "end" ? (node.align === "end" ? "right" : "center") : undefined,
        whiteSpace: node.wrap === true ? "pre-wrap" : "nowrap",
      };
      return (
        <p className="flex-text" style={style}>
          {spans || str(node.text)}
        </p>
      );
    }
    case "button": {
      const primary = node.style === "primary";
      const color = safeColor(node.color);
      return (
        <span
          className={`flex-button flex-button--${str(node.style) ?? "link"}`}
          style={{ ...base, ...(color ? (primary ? { backgroundColor: color } : { color }) : {}) }}
        >
          <ActionLabel action={node.action} />
        </span>
      );
    }
    case "image":
    case "icon": {
      const src = safeUrl(node.url);
      const ratio = str(node.aspectRatio)?.replace(":", " / ");
      return src ? (
        <RemoteImage
          className={`flex-${node.type}`}
          src={src}
          style={{ ...base, aspectRatio: ratio, objectFit: node.aspectMode === "cover" ? "cover" : "contain" }}
        />
      ) : null;
    }
    case "video": {
      const alt = obj(node.altContent);
      return alt ? <FlexNode node={alt} parentLayout={parentLayout} /> : null;
    }
    case "separator":
      return <hr className="flex-separator" style={{ ...base, borderColor: safeColor(node.color) }} />;
    case "filler":
      return <div style={{ flex: num(node.flex) ?? 1 }} />;
    case "spacer":
      return <div style={{ flex: "none", height: length(node.size, SPACING) ?? SPACING.md }} />;
    default:
      return null;
  }
}
