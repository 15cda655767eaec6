{#- Thai text as it is typed on office websites, made comparable: zero-width characters
    removed, two sara e (เเ) made one sara ae (แ), nikhahit + sara aa (ํา) made sara am (ำ),
    Thai digits made Arabic, runs of white space made one space, trimmed. -#}
{% macro normalize_thai(column) -%}
    nullif(btrim(regexp_replace(
        translate(
            replace(replace(regexp_replace({{ column }}, '[\u200b\u200c\u200d\ufeff]', '', 'g'), 'เเ', 'แ'), 'ํา', 'ำ'),
            '๐๑๒๓๔๕๖๗๘๙', '0123456789'
        ),
        '\s+', ' ', 'g'
    )), '')
{%- endmacro %}

{#- A person's name without the honorific or rank some sites leave in front of it. -#}
{% macro normalize_person_name(column) -%}
    nullif(btrim(regexp_replace(
        {{ normalize_thai(column) }},
        '^((นางสาว|นาง|นาย|น\.ส\.|ดร\.|ผศ\.|รศ\.|ศ\.|ว่าที่ ?ร้อยตรี(หญิง)?|ว่าที่ ?ร\.ต\.(หญิง)?|ร้อยตรี|พันตรี|พันเอก)\s*)+',
        ''
    )), '')
{%- endmacro %}

{#- What two spellings of an office's name share: no white space or dots, the long forms
    (สำนักงานเขตพื้นที่การศึกษาประถมศึกษา ...) as their abbreviations, no word เขต. -#}
{% macro office_alias_key(column) -%}
    replace(replace(replace(replace(replace(regexp_replace(
        {{ normalize_thai(column) }}, '[\s.]', '', 'g'),
        'สำนักงานเขตพื้นที่การศึกษาประถมศึกษา', 'สพป'),
        'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา', 'สพม'),
        '(สพม)', ''), '(สพป)', ''),
        'เขต', '')
{%- endmacro %}

{#- A school's name for matching: without the word โรงเรียน (or ร.ร.), parentheses,
    white space and dots. -#}
{% macro school_match_name(column) -%}
    nullif(regexp_replace(
        regexp_replace(
            regexp_replace({{ normalize_thai(column) }}, '^(โรงเรียน|ร\.ร\.|รร\.)\s*', ''),
            '\([^)]*\)', '', 'g'
        ),
        '[\s.]', '', 'g'
    ), '')
{%- endmacro %}
