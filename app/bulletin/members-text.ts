/** "1 member", "20,000 members": how the staff pages count members (browser-safe). */
export function membersText(count: number): string {
  return count === 1 ? "1 member" : `${count.toLocaleString("en-GB")} members`;
}
