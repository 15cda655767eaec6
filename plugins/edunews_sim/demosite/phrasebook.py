"""Templates and gazetteers of the demo articles: data only, composed by `generator`.

Written for this project in the manner of Thai education-office news; no sentence comes
from a real article. Templates are `str.format` strings over the fields that
`generator` fills in (office, date, at_venue, chair, chair_position, activity ...).

Rules the generator's truths depend on (tests check them against the spec's code lists):
- no sentence outside `TOPICS` may contain an alias of `initiatives.csv`
  (e.g. "พัฒนาครู", "ภาษาอังกฤษ", "เครือข่ายโรงเรียน", "ดิจิทัล", "เรียนร่วม");
- every `TOPICS` phrase contains an alias of its own code;
- the chair's sentence always says ประธาน; other people's sentences hold their role's cue.
"""

from __future__ import annotations

# --- event types -----------------------------------------------------------------------

# code -> (weight, may span several days)
EVENT_TYPES: dict[str, tuple[int, bool]] = {
    "workshop": (14, True),
    "meeting": (12, False),
    "training": (12, True),
    "seminar": (8, True),
    "knowledge_exchange": (10, True),
    "lessons_learned": (5, True),
    "competition": (6, True),
    "mou_signing": (10, False),
    "award_ceremony": (10, False),
    "site_visit": (13, False),
}

# code -> what the office holds; {join} is one of TOPIC_JOINERS, {topic} a topic phrase.
ACTIVITIES: dict[str, tuple[str, ...]] = {
    "workshop": ("ประชุมเชิงปฏิบัติการ{join}{topic}", "ประชุมปฏิบัติการ{join}{topic}"),
    "meeting": (
        "ประชุมชี้แจงแนวทาง{join}{topic}",
        "ประชุมผู้บริหารสถานศึกษา เพื่อการ{topic}",
        "ประชุมคณะกรรมการ{join}{topic}",
    ),
    "training": ("อบรม{join}{topic}", "ฝึกอบรม{join}{topic}", "อบรมพัฒนาศักยภาพบุคลากร เพื่อการ{topic}"),
    "seminar": ("สัมมนาทางวิชาการ{join}{topic}", "เสวนาทางวิชาการ เรื่อง การ{topic}"),
    "knowledge_exchange": (
        "กิจกรรมแลกเปลี่ยนเรียนรู้{join}{topic}",
        "เวทีแลกเปลี่ยนเรียนรู้{join}{topic}",
    ),
    "lessons_learned": ("กิจกรรมถอดบทเรียน{join}{topic}", "ประชุมถอดบทเรียน{join}{topic}"),
    "competition": ("การประกวดผลงาน{join}{topic}", "การแข่งขันทักษะทางวิชาการ ด้านการ{topic}"),
    "mou_signing": (
        "พิธีลงนามบันทึกข้อตกลงความร่วมมือ (MOU) ด้านการ{topic}",
        "พิธีลงนามบันทึกความร่วมมือในการ{topic}",
    ),
    "award_ceremony": (
        "พิธีมอบโล่รางวัลและเกียรติบัตรแก่สถานศึกษาและครูที่มีผลงานดีเด่นด้านการ{topic}",
        "พิธีมอบรางวัลเชิดชูเกียรติสถานศึกษาดีเด่นด้านการ{topic}",
    ),
    "site_visit": ("ลงพื้นที่ตรวจเยี่ยมและนิเทศ ติดตามการ{topic}",),
}

# Joins an activity to its topic: "ประชุมเชิงปฏิบัติการ" + " เรื่อง การ" + "ขับเคลื่อน..."
TOPIC_JOINERS = ("", " เรื่อง การ", "การ")

# --- initiatives ------------------------------------------------------------------------

# code -> (first year, last year (Gregorian), office kinds, topic phrases). A topic phrase
# follows "การ" and names the programme by one of its aliases in initiatives.csv.
TOPICS: dict[str, tuple[int, int, str, tuple[str, ...]]] = {
    "plc": (
        2016,
        2025,
        "spp spm",
        (
            "ขับเคลื่อนกระบวนการ PLC (ชุมชนแห่งการเรียนรู้ทางวิชาชีพ)",
            "สร้างชุมชนแห่งการเรียนรู้ทางวิชาชีพในสถานศึกษา",
        ),
    ),
    "quality_school_tambon": (
        2019,
        2022,
        "spp spm",
        ("พัฒนาโรงเรียนคุณภาพประจำตำบล", "ขับเคลื่อนโครงการ 1 ตำบล 1 โรงเรียนคุณภาพ"),
    ),
    "quality_school_amphoe": (2024, 2025, "spp spm", ("พัฒนาโรงเรียนคุณภาพประจำอำเภอ",)),
    "onet": (
        2016,
        2025,
        "spp spm",
        (
            "ยกระดับผลการทดสอบทางการศึกษาระดับชาติขั้นพื้นฐาน (O-NET)",
            "ยกระดับผลสัมฤทธิ์ทางการเรียน O-NET",
        ),
    ),
    "nt": (2016, 2025, "spp", ("เตรียมความพร้อมการประเมินคุณภาพผู้เรียน (NT) ชั้นประถมศึกษาปีที่ 3",)),
    "rt": (2016, 2025, "spp", ("ประเมินความสามารถด้านการอ่านของผู้เรียน (RT) ชั้นประถมศึกษาปีที่ 1",)),
    "pisa": (2017, 2025, "spm", ("เตรียมความพร้อมนักเรียนสู่การประเมิน PISA",)),
    "active_learning": (
        2017,
        2025,
        "spp spm",
        ("จัดการเรียนรู้เชิงรุก (Active Learning)", "ส่งเสริมการจัดการเรียนรู้แบบ Active Learning"),
    ),
    "skills_21st_century": (2016, 2025, "spp spm", ("พัฒนาทักษะแห่งศตวรรษที่ 21 ของผู้เรียน",)),
    "one_school_one_innovation": (
        2019,
        2023,
        "spp spm",
        ("ขับเคลื่อนโครงการ 1 โรงเรียน 1 นวัตกรรม",),
    ),
    "environment_education": (
        2017,
        2025,
        "spp spm",
        ("ขับเคลื่อนโรงเรียนปลอดขยะ (Zero Waste School)",),
    ),
    "moral_school": (2016, 2025, "spp spm", ("ขับเคลื่อนโครงการโรงเรียนคุณธรรม",)),
    "buddhist_school": (2016, 2025, "spp spm", ("พัฒนาโรงเรียนวิถีพุทธ",)),
    "integrity_school": (2016, 2025, "spp spm", ("ขับเคลื่อนโครงการโรงเรียนสุจริต",)),
    "scouts": (2016, 2025, "spp spm", ("พัฒนากิจกรรมลูกเสือ เนตรนารี",)),
    "covid19": (
        2020,
        2022,
        "spp spm",
        (
            "จัดการเรียนการสอนในสถานการณ์การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา 2019 (COVID-19)",
            "เตรียมความพร้อมเปิดภาคเรียนภายใต้สถานการณ์โควิด",
        ),
    ),
    "small_schools": (2016, 2025, "spp spm", ("บริหารจัดการโรงเรียนขนาดเล็ก",)),
    "coding": (2019, 2025, "spp spm", ("จัดการเรียนรู้วิทยาการคำนวณ (Coding)",)),
    "stem": (2016, 2025, "spp spm", ("จัดการเรียนรู้สะเต็มศึกษา (STEM Education)",)),
    "dltv": (2016, 2025, "spp", ("จัดการเรียนการสอนทางไกลผ่านดาวเทียม (DLTV)",)),
    "english_language": (2016, 2025, "spp spm", ("พัฒนาทักษะภาษาอังกฤษของครูตามกรอบ CEFR",)),
    "quality_assurance": (2016, 2025, "spp spm", ("พัฒนาระบบการประกันคุณภาพภายในสถานศึกษา",)),
    "drug_prevention": (2016, 2025, "spp spm", ("ป้องกันและแก้ไขปัญหายาเสพติดในสถานศึกษา",)),
    "school_safety": (
        2020,
        2025,
        "spp spm",
        ("ขับเคลื่อนความปลอดภัยในสถานศึกษา (MOE Safety Center)",),
    ),
    "teacher_development": (2016, 2025, "spp spm", ("พัฒนาครูและบุคลากรทางการศึกษา",)),
    "digital_learning": (2021, 2025, "spp spm", ("ใช้แพลตฟอร์มการเรียนรู้ดิจิทัลในห้องเรียน",)),
    "anywhere_anytime": (2024, 2025, "spp spm", ("ขับเคลื่อนนโยบายเรียนดี มีความสุข",)),
    "career_education": (2016, 2025, "spm", ("จัดการศึกษาเพื่อการมีงานทำ",)),
    "school_lunch": (2016, 2025, "spp", ("บริหารจัดการโครงการอาหารกลางวันนักเรียน",)),
    "early_childhood": (2016, 2025, "spp", ("จัดประสบการณ์การเรียนรู้ระดับปฐมวัย",)),
    "special_education": (2016, 2025, "spp", ("จัดการศึกษาพิเศษสำหรับเด็กพิการ",)),
    "equity": (2016, 2025, "spp spm", ("ลดความเหลื่อมล้ำทางการศึกษา",)),
    "school_network": (2016, 2025, "spp spm", ("ขับเคลื่อนเครือข่ายสถานศึกษา",)),
    "arts_crafts_fair": (
        2016,
        2025,
        "spp spm",
        ("เตรียมความพร้อมการจัดงานศิลปหัตถกรรมนักเรียน",),
    ),
}

# A named local programme: extraction code "other". {place} is a made-up place name.
LOCAL_PROGRAMMES = ("ขับเคลื่อน “{place}โมเดล”", "ดำเนินโครงการ “{place}สร้างสุข”")

# Topics of articles about no programme in particular.
GENERIC_TOPICS = (
    "ขับเคลื่อนนโยบายและจุดเน้นของสำนักงานเขตพื้นที่การศึกษา",
    "ยกระดับคุณภาพการจัดการศึกษาของสถานศึกษาในสังกัด",
    "พัฒนาหลักสูตรสถานศึกษา",
    "วัดและประเมินผลการเรียนรู้ตามสภาพจริง",
)

# A second sentence naming the article's further programmes: {topics} joined by "และการ".
POLICY_SENTENCES = (
    "การดำเนินงานดังกล่าวสอดคล้องกับนโยบายการ{topics}",
    "นอกจากนี้ ยังได้ร่วมกันวางแนวทางการ{topics}",
)

# --- people -----------------------------------------------------------------------------

# (honorific as written before the given name, gender of the name list, weight)
HONORIFICS = (
    ("นาย", "m", 40),
    ("นาง", "f", 22),
    ("นางสาว", "f", 10),
    ("ดร.", "any", 12),
    ("ว่าที่ร้อยตรี", "m", 4),
    ("ว่าที่ร้อยตรี ดร.", "m", 2),
)

# The chair from the office; {office} is the article's office name as written. The
# second element says whether the position suits the long form of the name.
CHAIR_POSITIONS = (
    ("ผู้อำนวยการ{office}", True),
    ("ผอ.{office}", False),
    ("ผู้อำนวยการ {office}", False),
    ("รองผู้อำนวยการ{office}", True),
    ("รองผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา รักษาราชการแทนผู้อำนวยการ{office}", False),
)
# Chairs from outside the office: the lead then names the office itself.
OUTSIDE_CHAIR_POSITIONS = (
    "รองเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "ผู้ช่วยเลขาธิการคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "ผู้ตรวจราชการกระทรวงศึกษาธิการ",
    "ผู้ว่าราชการ{in_province}",
)
STAFF_POSITIONS = (
    "รองผู้อำนวยการ{office_abbr}",
    "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    "ผู้อำนวยการกลุ่มส่งเสริมการจัดการศึกษา",
    "ผู้อำนวยการกลุ่มนโยบายและแผน",
    "ศึกษานิเทศก์ชำนาญการพิเศษ",
    "ผู้อำนวยการกลุ่มบริหารงานบุคคล",
)
EXPERT_POSITIONS = (
    "ผู้ทรงคุณวุฒิด้านการวัดและประเมินผลการศึกษา",
    "ผู้เชี่ยวชาญด้านการพัฒนาหลักสูตร สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
    "ศึกษานิเทศก์เชี่ยวชาญ {office_abbr}",
    "นักวิชาการศึกษาชำนาญการพิเศษ สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน",
)
SCHOOL_HEAD_POSITION = "ผู้อำนวยการ{school}"
TEACHER_POSITION = "ครู{school}"
# MOU partners: (organisation, its head's position)
PARTNERS = (
    ("สำนักงานศึกษาธิการ{in_province}", "ศึกษาธิการ{in_province}"),
    ("องค์การบริหารส่วนจังหวัด{province}", "นายกองค์การบริหารส่วนจังหวัด{province}"),
    ("วิทยาลัยเทคนิค{province}", "ผู้อำนวยการวิทยาลัยเทคนิค{province}"),
    ("สำนักงานพระพุทธศาสนา{in_province}", "ผู้อำนวยการสำนักงานพระพุทธศาสนา{in_province}"),
    ("โรงพยาบาล{province}", "ผู้อำนวยการโรงพยาบาล{province}"),
)
# Partners whose names read right for Bangkok, which has no จังหวัด / อบจ.
BANGKOK_PARTNERS = (0, 3)

# --- places -----------------------------------------------------------------------------

ROOM_NAMES = (
    "ราชพฤกษ์",
    "อินทนิล",
    "กัลปพฤกษ์",
    "ชัยพฤกษ์",
    "เฟื่องฟ้า",
    "บุษบา",
    "พุทธรักษา",
    "ทองกวาว",
    "สุพรรณิการ์",
    "ลีลาวดี",
)
OFFICE_ROOMS = ("ห้องประชุม{room} {office}", "หอประชุม{room} {office}", "ห้องประชุม{room} ชั้น 2 {office}")
HOTEL_NAMES = (
    "ริเวอร์วิว",
    "ซิตี้ปาร์ค",
    "แกรนด์ภูผา",
    "บ้านสวนธารา",
    "รอยัลลากูน",
    "เดอะกรีนฮิลล์",
    "ภูแสงดาว",
    "สายธารรีสอร์ท",
    "ศรีเมืองพาเลซ",
    "ไพลินแกรนด์",
)
HOTEL_ROOMS = ("โรงแรม{hotel}", "ห้องประชุม{room} โรงแรม{hotel}", "ห้อง{room} โรงแรม{hotel}")
SCHOOL_VENUES = ("{school}", "หอประชุม{school}", "ห้องประชุม{room} {school}")

# Made-up village names: a head and a tail ("หนอง" + "บัว"), as Thai place names are built.
PLACE_HEADS = (
    "หนอง",
    "โนน",
    "ดอน",
    "ห้วย",
    "นา",
    "โคก",
    "ท่า",
    "ป่า",
    "บึง",
    "สระ",
    "วัง",
    "แม่",
    "ทุ่ง",
    "บ่อ",
    "เขา",
    "คลอง",
)
PLACE_TAILS = (
    "บัว",
    "แก้ว",
    "สูง",
    "ทราย",
    "ดี",
    "กลาง",
    "ช้าง",
    "ยาง",
    "ใหญ่",
    "ทอง",
    "หิน",
    "งาม",
    "คำ",
    "ไผ่",
    "ม่วง",
    "ขาม",
    "จาน",
    "สะแก",
    "มะนาว",
    "แดง",
    "ลาด",
    "โพธิ์",
    "ไทร",
    "สำราญ",
)
PRIMARY_SCHOOLS = (
    "โรงเรียนบ้าน{place}",
    "โรงเรียนบ้าน{place}",
    "โรงเรียนบ้าน{place}",
    "โรงเรียนชุมชนบ้าน{place}",
    "โรงเรียนวัด{place}",
    "โรงเรียนอนุบาล{place}",
    "โรงเรียนบ้าน{place} ({place2}ราษฎร์บำรุง)",
)
SECONDARY_SCHOOLS = (
    "โรงเรียน{place}วิทยา",
    "โรงเรียน{place}พิทยาคม",
    "โรงเรียน{place}วิทยาคาร",
    "โรงเรียน{place}ศึกษา",
    "โรงเรียน{place}พิทยาสรรพ์",
)

# --- sentences --------------------------------------------------------------------------

# Date introductions. {date} is a day, {range} two days.
DATE_INTROS = ("เมื่อวันที่ {date}", "วันที่ {date}", "เมื่อวัน{weekday}ที่ {date}", "ในวันที่ {date}")
RANGE_INTROS = ("ระหว่างวันที่ {range}", "เมื่อวันที่ {range}", "ในระหว่างวันที่ {range}")

AUDIENCES = (
    "ผู้บริหารสถานศึกษาและครูผู้สอนในสังกัด",
    "ครูผู้รับผิดชอบโครงการจากสถานศึกษาในสังกัด",
    "ผู้บริหารสถานศึกษา ครู และศึกษานิเทศก์",
    "ครูวิชาการของโรงเรียนในสังกัด",
)
PURPOSES = (
    "มีความรู้ความเข้าใจและนำไปปฏิบัติได้จริง",
    "สามารถนำแนวทางไปใช้พัฒนาผู้เรียนได้อย่างเป็นรูปธรรม",
)
COUNT_CLAUSES = (
    " มีผู้เข้าร่วมทั้งสิ้น {count} คน",
    " โดยมีผู้เข้าร่วมจำนวน {count} คน",
    " มีผู้เข้าร่วมรวมทั้งสิ้น จำนวน {count} คน",
)
COUNT_PARAGRAPHS = (
    "ผู้เข้าร่วมกิจกรรมประกอบด้วย ผู้บริหารสถานศึกษา {heads} คน ครูผู้สอน {teachers} คน"
    " และศึกษานิเทศก์ {supervisors} คน รวมทั้งสิ้น {count} คน",
    "โดยมีผู้เข้าร่วมกิจกรรมจาก{audience} รวม {count} คน",
    "ในครั้งนี้มี{audience}เข้าร่วม จำนวน {count} คน",
)

# Leads, by event group. Each names the date, the venue, the chair (ประธาน) and the office:
# `{office}` is written here or inside {chair_position}.
HOSTED_LEADS = (
    "{date} {at_venue} {chair} {chair_position} เป็นประธานเปิด{activity} ให้แก่{audience}"
    "{count_clause}",
    "{office} จัด{activity} {date} {at_venue} โดยมี {chair} {chair_position} เป็นประธานเปิด"
    "{count_clause}",
    "{date} {chair} {chair_position} เป็นประธานในพิธีเปิด{activity} ซึ่ง{office} จัดขึ้น {at_venue}"
    "{count_clause}",
    "{office} โดย{chair} {chair_position} เป็นประธานเปิด{activity} {date} {at_venue}"
    " เพื่อให้{audience}{purpose}{count_clause}",
)
MOU_LEADS = (
    "{date} {at_venue} {chair} {chair_position} เป็นประธานใน{activity}"
    " ระหว่าง{office} กับ{partner_org}",
    "{office} จัด{activity} ร่วมกับ{partner_org} {date} {at_venue} โดยมี{chair} {chair_position}"
    " เป็นประธาน",
)
AWARD_LEADS = (
    "{date} {at_venue} {chair} {chair_position} เป็นประธานใน{activity}{count_clause}",
    "{office} จัด{activity} {date} {at_venue} โดยมี{chair} {chair_position} เป็นประธานในพิธี"
    "{count_clause}",
)
# Site visits: the venue is the visited school.
VISIT_LEADS = (
    "{date} {chair} {chair_position} เป็นประธานคณะนิเทศ ลงพื้นที่ตรวจเยี่ยม{venue} เพื่อติดตามการ{topic}",
    "{office} โดย{chair} {chair_position} เป็นประธาน นำคณะศึกษานิเทศก์ลงพื้นที่นิเทศ ติดตามการ{topic}"
    " {at_venue} {date}",
)

# Later paragraphs. {person} is a written name, {position} its position.
REPORTER_SENTENCES = (
    "ในการนี้ {person} {position} กล่าวรายงานถึงวัตถุประสงค์ของการจัดกิจกรรม {objective}",
    "{person} {position} กล่าวรายงานว่า การจัดกิจกรรมครั้งนี้มีวัตถุประสงค์{objective}",
)
SPEAKER_SENTENCES = (
    "ภายในงานได้รับเกียรติจาก{person} {position} เป็นวิทยากรให้ความรู้ในหัวข้อ “การ{topic}”",
    "โดยมี{person} {position} เป็นวิทยากรบรรยายเรื่องการ{topic}",
)
PANEL_SENTENCES = (
    "ผู้บริหารสถานศึกษาที่ร่วมแลกเปลี่ยนประสบการณ์ ได้แก่ {people} โดยมี{moderator} {moderator_position}"
    " เป็นผู้ดำเนินรายการ",
    "การเสวนามีผู้ร่วมนำเสนอ ได้แก่ {people} และมี{moderator} {moderator_position} ดำเนินรายการ",
)
SIGNING_SENTENCES = (
    "โดยมี{people} ร่วมลงนามกับ{chair_ref} และมี{witness} {witness_position} เป็นสักขีพยาน",
    "ผู้ร่วมลงนามประกอบด้วย {people} โดยมี{witness} {witness_position} ร่วมเป็นสักขีพยาน",
)
AWARDEE_SENTENCES = (
    "สถานศึกษาที่ได้รับรางวัล ได้แก่ {schools} และครูที่ได้รับรางวัล ได้แก่ {people}",
    "ในโอกาสนี้ {people} ได้รับโล่รางวัลครูผู้มีผลงานดีเด่น ร่วมกับ{schools}",
)
HOST_SENTENCES = (
    "โดยมี{person} {position} พร้อมคณะครูให้การต้อนรับ และนำเสนอผลการดำเนินงาน",
    "{person} {position} ให้การต้อนรับและพาคณะเยี่ยมชมห้องเรียน",
)
SCHOOL_LIST_SENTENCES = (
    "สถานศึกษาที่เข้าร่วมในครั้งนี้ จำนวน {school_count} โรงเรียน ได้แก่ {schools}",
    "โรงเรียนที่ร่วมกิจกรรม ประกอบด้วย {schools}",
)
OBJECTIVES = (
    "เพื่อให้ผู้เข้าร่วมมีความรู้ความเข้าใจ และสามารถนำไปปรับใช้ในสถานศึกษาได้อย่างมีประสิทธิภาพ",
    "เพื่อสร้างความเข้าใจที่ตรงกัน และกำหนดแนวทางการดำเนินงานของสถานศึกษาให้เป็นไปในทิศทางเดียวกัน",
    "เพื่อยกระดับผลสัมฤทธิ์ทางการเรียนของนักเรียนในสังกัดให้สูงขึ้นอย่างต่อเนื่อง",
    "เพื่อเปิดโอกาสให้สถานศึกษาได้นำเสนอวิธีปฏิบัติที่เป็นเลิศ และนำไปต่อยอดตามบริบทของตนเอง",
)
QUOTE_SENTENCES = (
    "{chair_ref} กล่าวว่า {quote}",
    "ด้าน{chair_ref} ประธานในพิธี กล่าวว่า {quote}",
    "“{quote}” {chair_ref} กล่าว",
)
QUOTES = (
    "ขอให้ทุกท่านนำสิ่งที่ได้รับในวันนี้ไปขยายผลในห้องเรียน เพื่อให้เกิดประโยชน์สูงสุดกับนักเรียน",
    "เขตพื้นที่การศึกษาพร้อมสนับสนุนสถานศึกษาทุกแห่งอย่างเต็มที่ เพื่อให้นักเรียนทุกคนได้รับโอกาสทางการศึกษาอย่างเท่าเทียม",
    "ความสำเร็จของสถานศึกษาเกิดจากความทุ่มเทของผู้บริหาร ครู และบุคลากรทุกคน จึงขอชื่นชมและเป็นกำลังใจให้ทุกโรงเรียน",
    "การทำงานร่วมกันอย่างเป็นระบบจะช่วยให้การดำเนินงานบรรลุเป้าหมายที่วางไว้ และเกิดผลดีกับผู้เรียนโดยตรง",
)
# An earlier date mentioned in passing; the event's date stays the lead's.
EARLIER_SENTENCES = (
    "ทั้งนี้ {office_abbr} ได้ประชุมคณะทำงานเพื่อเตรียมความพร้อมไปแล้วเมื่อวันที่ {earlier}",
    "กิจกรรมครั้งนี้ต่อยอดจากการประชุมชี้แจงแนวทางการดำเนินงานเมื่อวันที่ {earlier}",
)
CLOSINGS = (
    "ภาพ/ข่าว : กลุ่มอำนวยการ {office_abbr}",
    "ดูภาพกิจกรรมเพิ่มเติม",
    "ประชาสัมพันธ์ {office_abbr}",
)

# --- titles -----------------------------------------------------------------------------

TITLES: dict[str, tuple[str, ...]] = {
    "hosted": (
        "{office_abbr} จัด{activity}",
        "{office_abbr} {activity}",
        "ผอ.{office_abbr} เป็นประธานเปิด{activity}",
        "{activity} {office_abbr}",
    ),
    "mou_signing": (
        "{office_abbr} ลงนาม MOU กับ{partner_org} ด้านการ{topic}",
        "{office_abbr} จัด{activity}",
    ),
    "award_ceremony": (
        "{office_abbr} มอบโล่รางวัลสถานศึกษาและครูดีเด่น ด้านการ{topic}",
        "{office_abbr} จัด{activity}",
    ),
    "site_visit": ("{office_abbr} ลงพื้นที่ตรวจเยี่ยม{school}", "{office_abbr} นิเทศ ติดตามการ{topic}"),
}

# --- posts that report no event ------------------------------------------------------------

# (title, paragraphs): notices office sites post between their news. They name no office,
# date, venue, person or kind of event, so the extractor finds no event in them and the
# warehouse accounts for them in fct_rejected_pages (reason no_event).
NOTICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "แจ้งปิดปรับปรุงระบบเว็บไซต์",
        (
            "ขอแจ้งให้ผู้ใช้งานทราบว่า เว็บไซต์นี้จะปิดปรับปรุงระบบเป็นการชั่วคราว"
            " ระหว่างนี้ท่านสามารถติดตามข่าวสารได้ทางเพจเฟซบุ๊กของหน่วยงาน",
            "ขออภัยในความไม่สะดวก",
        ),
    ),
    (
        "ช่องทางการติดต่อสอบถาม",
        (
            "ผู้ที่ต้องการสอบถามข้อมูลเพิ่มเติม ติดต่อได้ที่กลุ่มอำนวยการ ในวันและเวลาราชการ",
            "หรือส่งข้อความถึงผู้ดูแลผ่านแบบฟอร์มบนเว็บไซต์นี้",
        ),
    ),
    (
        "ขอความร่วมมือตอบแบบสอบถามความพึงพอใจ",
        (
            "ขอเชิญชวนผู้รับบริการตอบแบบสอบถามความพึงพอใจต่อการให้บริการ ผ่านลิงก์ท้ายข่าวนี้",
            "ความคิดเห็นของท่านจะนำไปปรับปรุงการให้บริการต่อไป",
        ),
    ),
)
