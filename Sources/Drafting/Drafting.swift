/// E-mail drafting (SPEC.md section 5): templates filled from the workspace, copied to
/// the clipboard or saved as .eml / .md. The draft commands build on this module.
public enum Drafting {}
