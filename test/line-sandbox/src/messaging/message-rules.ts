// Validation of message objects, with the limits LINE enforces (messaging-api.yml: Message, TextMessage,
// QuickReply, Sender; https://developers.line.biz/en/reference/messaging-api/#message-objects).
// Returns LINE-style error details ({message, property: "messages[0].text"}), never throws, so one answer
// lists every problem as LINE's does. Checks what bots get wrong in practice, not every field of every type.

import { isRecord } from "../http/env.ts";
import type { LineErrorDetail } from "../http/errors.ts";

export const MAX_MESSAGES = 5;
export const MAX_TEXT_LENGTH = 5_000;
export const MAX_QUICK_REPLY_ITEMS = 13;
export const MAX_ALT_TEXT_LENGTH = 1_500;
const MAX_BUBBLE_BYTES = 30 * 1024;
const MAX_CAROUSEL_BYTES = 50 * 1024;
const MAX_CAROUSEL_BUBBLES = 12;

const MESSAGE_TYPES = ["text", "textV2", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex", "coupon"];

/** Required string fields per message type (other than `type`). */
const REQUIRED: Record<string, string[]> = {
  text: ["text"],
  textV2: ["text"],
  sticker: ["packageId", "stickerId"],
  image: ["originalContentUrl", "previewImageUrl"],
  video: ["originalContentUrl", "previewImageUrl"],
  audio: ["originalContentUrl"],
  location: ["title", "address"],
  imagemap: ["baseUrl", "altText"],
  template: ["altText"],
  flex: ["altText"],
  coupon: ["couponId"],
};

const MEDIA_URL_FIELDS = ["originalContentUrl", "previewImageUrl", "baseUrl"];

function sizeRule(value: unknown, min: number, max: number, property: string): LineErrorDetail[] {
  if (!Array.isArray(value)) return [{ message: "must be specified", property }];
  if (value.length < min || value.length > max) return [{ message: `Size must be between ${min} and ${max}`, property }];
  return [];
}

function lengthRule(value: string, max: number, property: string): LineErrorDetail[] {
  // String.length counts UTF-16 code units, which is what LINE counts.
  return value.length > max ? [{ message: `Length must be between 0 and ${max}`, property }] : [];
}

function quickReplyRules(quickReply: unknown, property: string): LineErrorDetail[] {
  if (quickReply === undefined) return [];
  if (!isRecord(quickReply)) return [{ message: "must be an object", property }];
  const items = quickReply.items;
  const errors = sizeRule(items, 1, MAX_QUICK_REPLY_ITEMS, `${property}.items`);
  if (errors.length > 0 || !Array.isArray(items)) return errors;
  items.forEach((item, i) => {
    if (!isRecord(item) || !isRecord(item.action)) {
      errors.push({ message: "must be specified", property: `${property}.items[${i}].action` });
    }
  });
  return errors;
}

function flexRules(message: Record<string, unknown>, property: string): LineErrorDetail[] {
  const contents = message.contents;
  if (!isRecord(contents)) return [{ message: "must be specified", property: `${property}.contents` }];
  const bytes = new TextEncoder().encode(JSON.stringify(contents)).byteLength;
  if (contents.type === "carousel") {
    const errors = sizeRule(contents.contents, 1, MAX_CAROUSEL_BUBBLES, `${property}.contents.contents`);
    if (bytes > MAX_CAROUSEL_BYTES) errors.push({ message: "Carousel exceeds 50 KB", property: `${property}.contents` });
    return errors;
  }
  if (contents.type !== "bubble") {
    return [{ message: "Must be one of the following values: [bubble, carousel]", property: `${property}.contents.type` }];
  }
  return bytes > MAX_BUBBLE_BYTES ? [{ message: "Bubble exceeds 30 KB", property: `${property}.contents` }] : [];
}

function messageRules(message: unknown, property: string): LineErrorDetail[] {
  if (!isRecord(message)) return [{ message: "must be an object", property }];
  const type = message.type;
  if (typeof type !== "string") return [{ message: "must be specified", property: `${property}.type` }];
  if (!MESSAGE_TYPES.includes(type)) {
    return [{ message: `Must be one of the following values: [${MESSAGE_TYPES.join(", ")}]`, property: `${property}.type` }];
  }
  const errors: LineErrorDetail[] = [];
  for (const field of REQUIRED[type] ?? []) {
    const value = message[field];
    if (value === undefined || value === null) errors.push({ message: "must be specified", property: `${property}.${field}` });
    else if (value === "") errors.push({ message: "May not be empty", property: `${property}.${field}` });
  }
  if (typeof message.text === "string") errors.push(...lengthRule(message.text, MAX_TEXT_LENGTH, `${property}.text`));
  if (typeof message.altText === "string") {
    errors.push(...lengthRule(message.altText, MAX_ALT_TEXT_LENGTH, `${property}.altText`));
  }
  for (const field of MEDIA_URL_FIELDS) {
    const url = message[field];
    if (typeof url === "string" && !url.startsWith("https://")) {
      errors.push({ message: "must be an https URL", property: `${property}.${field}` });
    }
  }
  if (type === "flex") errors.push(...flexRules(message, property));
  if (type === "template" && !isRecord(message.template)) {
    errors.push({ message: "must be specified", property: `${property}.template` });
  }
  if (isRecord(message.sender) && typeof message.sender.name === "string") {
    errors.push(...lengthRule(message.sender.name, 20, `${property}.sender.name`));
  }
  errors.push(...quickReplyRules(message.quickReply, `${property}.quickReply`));
  return errors;
}

/** Validates the `messages` array of a reply, push or multicast request. */
export function validateMessages(messages: unknown, property = "messages"): LineErrorDetail[] {
  const errors = sizeRule(messages, 1, MAX_MESSAGES, property);
  if (errors.length > 0 || !Array.isArray(messages)) return errors;
  return messages.flatMap((message, i) => messageRules(message, `${property}[${i}]`));
}

/** Quote tokens come back only for message types that can be quoted later. */
export function isQuotable(message: unknown): boolean {
  return isRecord(message) && ["text", "textV2", "sticker", "image", "video"].includes(String(message.type));
}
