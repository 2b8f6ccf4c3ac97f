// A live class's keys, kept in this browser (ui/teach/classroom.py): the teacher's key and a student's
// anonymous token, as cookies of this site only (never in the address bar, never on the page), so
// that a reload or another tab of the same browser is the same teacher or the same student.
export default function ({ data }) {
  const keep = (data && data.cookies) || {};
  for (const [name, value] of Object.entries(keep)) {
    const want = `${name}=${encodeURIComponent(value)}`;
    const has = document.cookie.split("; ").includes(want);
    if (value === "") {
      if (document.cookie.split("; ").some((c) => c.startsWith(`${name}=`))) {
        document.cookie = `${name}=; path=/; max-age=0; SameSite=Strict`;
      }
    } else if (!has) {
      document.cookie = `${want}; path=/; max-age=${data.max_age}; SameSite=Strict`;
    }
  }
}
