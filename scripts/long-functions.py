#!/usr/bin/env python3
"""Lists C++ function bodies longer than a limit (default 80 lines).

Usage: scripts/long-functions.py [--limit N] [PATH...]   (default: lib tools)

A function is a top-level `{ ... }` (namespace bodies are entered, class and
struct bodies are entered too, so member functions count one by one) whose
opening brace follows a `)` (optionally `const`, `override`, `noexcept`, a
trailing return type or a constructor's initializer list). Comments, strings
and character literals are skipped when braces are matched. Lambdas inside a
function count as part of it. Prints `lines path:line name`, longest first,
then the count. Standard library only.
"""
import argparse
import os
import re
import sys

SOURCE = ('.cpp', '.h', '.cc', '.hpp', '.c')


def strip(text):
    """Replaces comments, strings and char literals by spaces (keeps lines)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            if m:
                end = ')' + m.group(1) + '"'
                j = text.find(end, i)
                j = n if j < 0 else j + len(end)
                out.append(re.sub(r'[^\n]', ' ', text[i:j]))
                i = j
            else:
                out.append(c)
                i += 1
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


SCOPE = re.compile(r'\b(namespace|class|struct|union|extern\s*"C")\b[^;{}()]*$')
FUNC_NAME = re.compile(r'([~\w:<>]+)\s*\([^()]*(?:\([^()]*\)[^()]*)*\)[^;{}()]*$',
                       re.S)


def functions(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = strip(f.read())
    except OSError:
        return
    # Stack of frames: ('scope'|'func'|'block', start offset, name).
    stack = []
    last = 0  # start of the text since the last ; { or }
    for i, c in enumerate(text):
        if c == '{':
            head = text[last:i]
            inFunc = any(k == 'func' for k, _, _ in stack)
            if inFunc:
                stack.append(('block', i, ''))
            elif SCOPE.search(head.strip() or ' ') or head.strip().endswith('='):
                stack.append(('scope', i, ''))
            else:
                m = FUNC_NAME.search(head.strip())
                if m and not re.match(r'(if|for|while|switch|catch)$',
                                      m.group(1)):
                    stack.append(('func', i, m.group(1)))
                else:
                    stack.append(('scope', i, ''))
            last = i + 1
        elif c == '}':
            if stack:
                kind, start, name = stack.pop()
                if kind == 'func':
                    first = text.count('\n', 0, start) + 1
                    lastLine = text.count('\n', 0, i) + 1
                    yield lastLine - first + 1, first, name
            last = i + 1
        elif c == ';':
            last = i + 1


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--limit', type=int, default=80)
    p.add_argument('paths', nargs='*', default=['lib', 'tools'])
    a = p.parse_args()
    rows = []
    for root in a.paths:
        walk = [(root, [], [root])] if os.path.isfile(root) else os.walk(root)
        for d, _, files in walk:
            for f in files:
                path = f if os.path.isfile(root) else os.path.join(d, f)
                if path.endswith(SOURCE):
                    for n, line, name in functions(path):
                        if n > a.limit:
                            rows.append((n, path, line, name))
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    for n, path, line, name in rows:
        print(f'{n:5d} {path}:{line} {name}')
    print(f'{len(rows)} functions over {a.limit} lines')


if __name__ == '__main__':
    sys.exit(main())
