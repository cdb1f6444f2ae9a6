// The table of contents of GET /api/items, indexed: items by meeting and TOP ("7" finds the combined "6/7") and the
// number of numbered paragraphs of an item (which decides "TOP 9" versus "TOP 9 Ziff. 1").

export function createTocIndex(toc) {
  const meetings = Array.isArray(toc?.meetings) ? toc.meetings : [];
  const byMeeting = new Map(meetings.map((meeting) => [meeting.id, meeting]));

  function item(meetingId, top) {
    const items = byMeeting.get(meetingId)?.items ?? [];
    return items.find((each) => each.top === top) ?? items.find((each) => each.top.split('/').includes(top));
  }

  return {
    meetings,
    meeting: (meetingId) => byMeeting.get(meetingId),
    item,
    /** Numbered paragraphs of the item; undefined when the item is unknown. */
    paragraphCount(meetingId, top) {
      return item(meetingId, top)?.units.filter((unit) => unit.kind === 'paragraph').length;
    },
    get unitCount() {
      return meetings.reduce(
        (sum, meeting) => sum + meeting.items.reduce((n, each) => n + each.units.length, 0),
        0,
      );
    },
  };
}
