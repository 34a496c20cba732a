import type { NotificationTemplate } from "./template.ts";
import { param } from "./template-params.ts";

/** An admin hid the author's comment: the author hears which one and why. */
export const template: NotificationTemplate = {
  kind: "comment-hidden",
  category: "account",
  render: (p, language) => {
    const excerpt = param(p, "excerpt");
    const reason = param(p, "reason");
    return language === "ja"
      ? {
          subject: "コメントが非表示になりました",
          paragraphs: [
            `あなたのコメント「${excerpt}」は OWNERS 運営により非表示になりました。`,
            `理由: ${reason}`,
          ],
        }
      : {
          subject: "Your comment has been hidden",
          paragraphs: [
            `Your comment "${excerpt}" was hidden by the OWNERS team.`,
            `Reason: ${reason}`,
          ],
        };
  },
};
