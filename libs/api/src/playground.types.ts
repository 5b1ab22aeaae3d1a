/** A realm's code playground, as `/register` and `realm_playgrounds` events carry it. */
export interface RealmPlayground {
  id: number;
  name: string;
  pygments_language: string;
  /** An RFC 6570 template whose one variable is `code`. */
  url_template: string;
}
