#!/usr/bin/env python3
"""Parses a saved .eml with Python's email module and checks it against what cse drafted.

usage: check-eml.py FILE.eml EXPECTED.json
EXPECTED.json holds "subject", "to" (a list of [name, address]) and "body". Prints what
differs and exits 1, or prints "ok" and exits 0.
"""
import email, email.policy, email.utils, json, sys

def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    problems = []
    if str(message["Subject"]) != expected["subject"]:
        problems.append(f"subject: {message['Subject']!r} != {expected['subject']!r}")
    to = [[name, address] for name, address in email.utils.getaddresses([str(message["To"] or "")])]
    if to != expected["to"]:
        problems.append(f"to: {to!r} != {expected['to']!r}")
    if message.get_content_charset() != "utf-8":
        problems.append(f"charset: {message.get_content_charset()!r}")
    if message["MIME-Version"] != "1.0" or message["Date"] is None:
        problems.append("MIME-Version 1.0 and Date are required")
    body = message.get_content().replace("\r\n", "\n")
    if body != expected["body"]:
        problems.append(f"body differs:\n{body!r}\n!=\n{expected['body']!r}")
    for line in problems:
        print(line)
    if not problems:
        print("ok")
    sys.exit(1 if problems else 0)

if __name__ == "__main__":
    main()
