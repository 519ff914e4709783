"""Who may open which view: the hand-written table the role walk (test_role_walk.py) checks.

One row per URL name (and per sample variant where a view answers differently, e.g. for a closed round):
the status code of a GET for each column. The walk's objects are the default samples of the municipality
(teilhabe/testing/samples.py): the department and partner editors are *not* lead or involved in the sample
measure, so report pages answer them 403.

    200 page   302 redirect (anonymous: to the login)   403 refused   404 not found   405 POST only

Write a row from what the view *should* do, not from what it does: that is the point of the table.
"""

COLUMNS = ("office", "department_editor", "partner_editor", "advisory_board", "anonymous")

# fmt: off
EXPECTED = {
    # activities (the sample activity is not co-run by the editors' organisations: its edit pages are 403)
    "activities:attachment_add": (200, 403, 403, 403, 302),
    "activities:attachment_delete": (405, 405, 405, 403, 302),  # POST only
    "activities:attachment_file": (200, 200, 200, 200, 302),
    "activities:calendar": (200, 200, 200, 200, 302),
    "activities:create": (200, 200, 200, 403, 302),  # editors create; the board reads
    "activities:detail": (200, 200, 200, 200, 302),
    "activities:edit": (200, 403, 403, 403, 302),
    "activities:export": (200, 200, 200, 200, 302),  # a year's activities: every member reads them
    "activities:export_csv": (200, 200, 200, 200, 302),
    "activities:export_template": (200, 200, 200, 200, 302),
    "activities:export_xlsx": (200, 200, 200, 200, 302),
    "activities:import": (200, 403, 403, 403, 302),
    "activities:import_confirm": (405, 403, 403, 403, 302),  # POST only
    "activities:list": (200, 200, 200, 200, 302),
    "activities:partner_add": (200, 403, 403, 403, 302),
    "activities:partner_remove": (405, 405, 405, 403, 302),  # POST only
    "activities:past": (200, 200, 200, 200, 302),
    "activities:picture_add": (200, 403, 403, 403, 302),
    "activities:picture_edit": (200, 403, 403, 403, 302),
    "activities:picture_file": (200, 200, 200, 200, 302),
    "activities:state": (200, 403, 403, 403, 302),
    "activities:target_group_create": (200, 403, 403, 403, 302),  # the vocabulary is the office's
    "activities:target_group_edit": (200, 403, 403, 403, 302),
    "activities:target_group_list": (200, 403, 403, 403, 302),
    "activities:venue_create": (200, 403, 403, 403, 302),
    "activities:venue_edit": (200, 403, 403, 403, 302),
    "activities:venue_list": (200, 403, 403, 403, 302),
    "activities:subscription": (200, 200, 200, 200, 302),
    "activities:subscription_renew": (405, 405, 405, 405, 302),  # POST only
    "activities:personal_feed": (404, 404, 404, 404, 404),  # only with the member's secret token
    # audit
    "audit:log": (200, 403, 403, 403, 302),
    # bulletins: the office composes; every member reads the series, issues, previews and PDFs. The default
    # sample issue is sent (frozen: its edit pages send back to it), the variant "draft" is still composed.
    "bulletins:editorial": (302, 403, 403, 403, 302),
    "bulletins:editorial[issue_id=draft]": (200, 403, 403, 403, 302),
    "bulletins:issue": (200, 200, 200, 200, 302),
    "bulletins:issue[issue_id=draft]": (200, 200, 200, 200, 302),
    "bulletins:issue_create": (200, 403, 403, 403, 302),
    "bulletins:issue_edit": (302, 403, 403, 403, 302),
    "bulletins:issue_edit[issue_id=draft]": (200, 403, 403, 403, 302),
    "bulletins:issue_state": (405, 403, 403, 403, 302),  # POST only
    "bulletins:issue_state[issue_id=draft]": (405, 403, 403, 403, 302),
    "bulletins:item_add": (302, 403, 403, 403, 302),
    "bulletins:item_add[issue_id=draft]": (200, 403, 403, 403, 302),
    "bulletins:item_machine": (405, 403, 403, 403, 302),  # POST only
    "bulletins:item_move": (405, 403, 403, 403, 302),  # POST only
    "bulletins:item_remove": (405, 403, 403, 403, 302),  # POST only
    "bulletins:item_text": (200, 403, 403, 403, 302),  # the sample item's issue is a draft
    "bulletins:item_topics": (200, 403, 403, 403, 302),
    "bulletins:list": (200, 200, 200, 200, 302),
    "bulletins:pdf": (200, 200, 200, 200, 302),
    "bulletins:pdf[issue_id=draft]": (200, 200, 200, 200, 302),
    "bulletins:preview": (200, 200, 200, 200, 302),
    "bulletins:preview[issue_id=draft]": (200, 200, 200, 200, 302),
    "bulletins:series": (200, 200, 200, 200, 302),
    "bulletins:series_create": (200, 403, 403, 403, 302),
    "bulletins:series_edit": (200, 403, 403, 403, 302),
    "bulletins:version_approve": (405, 403, 403, 403, 302),  # POST only
    # bulletins: the public archive shows sent issues only
    "bulletins_public:archive": (200, 200, 200, 200, 200),
    "bulletins_public:header": (200, 200, 200, 200, 200),
    "bulletins_public:issue": (200, 200, 200, 200, 200),
    "bulletins_public:issue[issue_id=draft]": (404, 404, 404, 404, 404),
    "bulletins_public:pdf": (200, 200, 200, 200, 200),
    "bulletins_public:pdf[issue_id=draft]": (404, 404, 404, 404, 404),
    # concept
    "concept:compare": (200, 200, 200, 200, 302),
    "concept:concept_create": (200, 403, 403, 403, 302),
    "concept:concept_edit": (200, 403, 403, 403, 302),
    "concept:dashboard": (200, 200, 200, 200, 302),
    "concept:export_csv": (200, 200, 200, 200, 302),
    "concept:export_xlsx": (200, 200, 200, 200, 302),
    "concept:field_create": (200, 403, 403, 403, 302),
    "concept:field_delete": (200, 403, 403, 403, 302),
    "concept:field_edit": (200, 403, 403, 403, 302),
    "concept:focus_create": (200, 403, 403, 403, 302),
    "concept:focus_delete": (200, 403, 403, 403, 302),
    "concept:focus_edit": (200, 403, 403, 403, 302),
    "concept:goal_create": (200, 403, 403, 403, 302),
    "concept:goal_delete": (200, 403, 403, 403, 302),
    "concept:goal_edit": (200, 403, 403, 403, 302),
    "concept:import_confirm": (405, 403, 403, 403, 302),  # POST only
    "concept:import_upload": (200, 403, 403, 403, 302),
    "concept:index": (200, 200, 200, 200, 302),
    "concept:matrix": (200, 200, 200, 200, 302),
    "concept:measure_create": (200, 403, 403, 403, 302),
    "concept:measure_delete": (200, 403, 403, 403, 302),
    "concept:measure_detail": (200, 200, 200, 200, 302),
    "concept:measure_edit": (200, 403, 403, 403, 302),
    "concept:measure_list": (200, 200, 200, 200, 302),
    "concept:my_reports": (200, 200, 200, 403, 302),  # the board reports nothing
    "concept:report_edit": (200, 403, 403, 403, 302),
    "concept:report_edit[round_id=closed]": (200, 403, 403, 403, 302),  # read-only
    "concept:report_review": (200, 403, 403, 403, 302),
    "concept:round_close": (200, 403, 403, 403, 302),
    "concept:round_close[round_id=closed]": (302, 403, 403, 403, 302),  # back to the round, with a message
    "concept:round_create": (200, 403, 403, 403, 302),
    "concept:round_detail": (200, 200, 200, 200, 302),
    "concept:round_detail[round_id=closed]": (200, 200, 200, 200, 302),
    "concept:round_edit": (200, 403, 403, 403, 302),
    "concept:round_edit[round_id=closed]": (403, 403, 403, 403, 302),  # a closed round is frozen
    "concept:round_export_csv": (404, 404, 404, 404, 302),  # exports exist of closed rounds only
    "concept:round_export_csv[round_id=closed]": (200, 200, 200, 200, 302),
    "concept:round_export_xlsx": (404, 404, 404, 404, 302),  # exports exist of closed rounds only
    "concept:round_export_xlsx[round_id=closed]": (200, 200, 200, 200, 302),
    "concept:round_list": (200, 200, 200, 200, 302),
    "concept:status_create": (200, 403, 403, 403, 302),
    "concept:status_delete": (200, 403, 403, 403, 302),
    "concept:status_edit": (200, 403, 403, 403, 302),
    "concept:status_list": (200, 403, 403, 403, 302),
    "concept:structure": (200, 403, 403, 403, 302),
    # distribution (the distribution lists: personal data, the office only)
    "distribution:add_contacts": (200, 403, 403, 403, 302),
    "distribution:create": (200, 403, 403, 403, 302),
    "distribution:detail": (200, 403, 403, 403, 302),
    "distribution:edit": (200, 403, 403, 403, 302),
    "distribution:import": (200, 403, 403, 403, 302),
    "distribution:import_confirm": (405, 403, 403, 403, 302),  # POST only
    "distribution:import_template": (200, 403, 403, 403, 302),
    "distribution:index": (200, 403, 403, 403, 302),
    "distribution:lift_suspension": (405, 403, 403, 403, 302),  # POST only
    "distribution:privacy": (200, 403, 403, 403, 302),
    "distribution:remove": (405, 403, 403, 403, 302),  # POST only
    "distribution:resume": (405, 403, 403, 403, 302),  # POST only
    "distribution:schedule": (405, 403, 403, 403, 302),  # POST only
    "distribution:send": (200, 403, 403, 403, 302),
    "distribution:send[issue_id=draft]": (200, 403, 403, 403, 302),
    "distribution:resume[issue_id=draft]": (405, 403, 403, 403, 302),  # POST only
    "distribution:schedule[issue_id=draft]": (405, 403, 403, 403, 302),  # POST only
    "distribution:test_send[issue_id=draft]": (405, 403, 403, 403, 302),  # POST only
    "distribution:unschedule[issue_id=draft]": (405, 403, 403, 403, 302),  # POST only
    "distribution:test_send": (405, 403, 403, 403, 302),  # POST only
    "distribution:unschedule": (405, 403, 403, 403, 302),  # POST only
    "distribution:topics": (200, 403, 403, 403, 302),
    "distribution:forward_item": (200, 403, 403, 403, 302),
    "distribution:forward_activity": (200, 403, 403, 403, 302),
    "distribution:contact_topics": (405, 403, 403, 403, 302),  # POST only
    "distribution:contact_topics[contact_id=withdrawn]": (405, 403, 403, 403, 302),  # POST only
    "distribution:organisation_topics": (405, 403, 403, 403, 302),  # POST only
    # subscriptions (the public sign-up; the links of the mails only with their signed token)
    "subscriptions:confirm": (404, 404, 404, 404, 404),
    "subscriptions:index": (200, 200, 200, 200, 200),
    "subscriptions:preferences": (404, 404, 404, 404, 404),
    "subscriptions:signup": (200, 200, 200, 200, 200),
    "subscriptions:thanks": (200, 200, 200, 200, 200),
    "subscriptions:unsubscribe": (404, 404, 404, 404, 404),
    # directory
    "directory:contact_create": (200, 403, 403, 403, 302),
    "directory:contact_delete": (200, 403, 403, 403, 302),
    "directory:contact_detail": (200, 200, 200, 200, 302),
    "directory:contact_edit": (200, 403, 403, 403, 302),
    "directory:contact_erase": (200, 403, 403, 403, 302),
    "directory:contact_export": (200, 403, 403, 403, 302),
    "directory:contact_list": (200, 403, 403, 403, 302),
    "directory:contact_withdraw": (200, 403, 403, 403, 302),
    "directory:export": (200, 403, 403, 403, 302),
    "directory:export_contacts_csv": (200, 403, 403, 403, 302),
    "directory:export_organisations_csv": (200, 403, 403, 403, 302),
    "directory:export_xlsx": (200, 403, 403, 403, 302),
    "directory:import": (200, 403, 403, 403, 302),
    "directory:import_confirm": (405, 403, 403, 403, 302),  # POST only
    "directory:organisation_create": (200, 403, 403, 403, 302),
    "directory:organisation_delete": (200, 403, 403, 403, 302),
    "directory:organisation_detail": (200, 200, 200, 200, 302),
    "directory:organisation_edit": (200, 403, 403, 403, 302),
    "directory:organisation_list": (200, 200, 200, 200, 302),
    "directory:own_organisation_edit": (403, 200, 200, 403, 302),  # editors edit their own organisation; the office has no own one
    # leaflets (every member reads and downloads them; the office makes them)
    "leaflets:create": (200, 403, 403, 403, 302),
    "leaflets:detail": (200, 200, 200, 200, 302),
    "leaflets:edit": (200, 403, 403, 403, 302),
    "leaflets:list": (200, 200, 200, 200, 302),
    "leaflets:pdf": (200, 200, 200, 200, 302),
    "leaflets:renew": (405, 403, 403, 403, 302),  # POST only
    "leaflets:print": (405, 403, 403, 403, 302),  # POST only
    "leaflets:print_file": (200, 200, 200, 200, 302),  # a frozen print, like the PDF
    "public_leaflets:detail": (200, 200, 200, 200, 200),  # where the QR code leads: nothing personal
    # jobs
    "jobs:delete_upload": (405, 403, 403, 403, 302),  # POST only
    "jobs:detail": (200, 403, 403, 403, 302),
    "jobs:list": (200, 403, 403, 403, 302),
    "jobs:progress": (200, 403, 403, 403, 302),
    # members
    "members:deactivate": (405, 403, 403, 403, 302),
    "members:edit": (200, 403, 403, 403, 302),
    "members:invite": (200, 403, 403, 403, 302),
    "members:list": (200, 403, 403, 403, 302),
    "members:reactivate": (405, 403, 403, 403, 302),
    "members:resend": (405, 403, 403, 403, 302),
    "members:sso_unbind": (405, 403, 403, 403, 302),
    # municipalities
    "municipalities:guide": (200, 403, 403, 403, 302),
    "municipalities:guide_step": (200, 403, 403, 403, 302),
    "municipalities:home": (200, 200, 200, 200, 302),
    "municipalities:settings": (200, 403, 403, 403, 302),
    # networks (the sample network is not convened by nor has as member the editors' organisations: their
    # meeting, task and idea pages are 403; the office edits all, the board reads)
    "networks:create": (200, 403, 403, 403, 302),
    "networks:detail": (200, 200, 200, 200, 302),
    "networks:edit": (200, 403, 403, 403, 302),
    "networks:idea_create": (200, 403, 403, 403, 302),  # editors: only for networks they belong to
    "networks:idea_delete": (200, 403, 403, 403, 302),  # the office; GET asks, POST deletes
    "networks:idea_detail": (200, 200, 200, 200, 302),
    "networks:idea_edit": (200, 403, 403, 403, 302),
    "networks:idea_list": (200, 200, 200, 200, 302),
    "networks:idea_to_activity": (200, 403, 403, 403, 302),
    "networks:idea_to_measure": (200, 403, 403, 403, 302),
    "networks:list": (200, 200, 200, 200, 302),
    "networks:meeting_create": (200, 403, 403, 403, 302),
    "networks:meeting_delete": (200, 403, 403, 403, 302),  # the office; GET asks, POST deletes
    "networks:meeting_detail": (200, 200, 200, 200, 302),
    "networks:meeting_edit": (200, 403, 403, 403, 302),
    "networks:meeting_ics": (200, 200, 200, 200, 302),
    "networks:meeting_invite": (405, 405, 405, 403, 302),  # POST only
    "networks:meeting_send_minutes": (405, 405, 405, 403, 302),  # POST only
    "networks:member_add": (200, 403, 403, 403, 302),
    "networks:member_remove": (405, 403, 403, 403, 302),  # POST only
    "networks:task_create": (200, 403, 403, 403, 302),
    "networks:task_done": (405, 405, 405, 403, 302),  # POST only
    "networks:task_edit": (200, 403, 403, 403, 302),
    "networks_public:list": (200, 200, 200, 200, 200),
    # programmes (the office edits; the advisory board reads; editors see funding on activity pages only)
    "programmes:budget": (200, 403, 403, 403, 302),
    "programmes:create": (200, 403, 403, 403, 302),
    "programmes:deadline_add": (200, 403, 403, 403, 302),
    "programmes:detail": (200, 403, 403, 200, 302),
    "programmes:edit": (200, 403, 403, 403, 302),
    "programmes:export": (200, 403, 403, 200, 302),
    "programmes:funding_add": (200, 403, 403, 403, 302),
    "programmes:funding_edit": (200, 403, 403, 403, 302),
    "programmes:list": (200, 403, 403, 200, 302),
    # public
    "public:accessibility": (200, 200, 200, 200, 200),
    "concept_public:concept": (200, 200, 200, 200, 200),
    "public:easy_read": (200, 200, 200, 200, 200),
    "public:home": (200, 200, 200, 200, 200),
    "public:imprint": (200, 200, 200, 200, 200),
    "public:privacy": (200, 200, 200, 200, 200),
    # registrations (participant data: the office and the activity's organisers; the sample activity is not
    # co-run by the editors' organisations, so they are refused like the board)
    "registrations:attendance": (405, 405, 405, 403, 302),
    "registrations:cancel": (405, 405, 405, 403, 302),  # POST only  # POST only (the role check comes with the POST)
    "registrations:export_xlsx": (200, 403, 403, 403, 302),
    "registrations:participants": (200, 403, 403, 403, 302),
    "registrations:policy": (200, 403, 403, 403, 302),
    "registrations:privacy": (200, 403, 403, 403, 302),
    "registrations:settings": (200, 403, 403, 403, 302),
    "registrations:sign_in_sheet": (200, 403, 403, 403, 302),
    # events (the public activity pages)
    "events:cancel": (404, 404, 404, 404, 404),  # only with the signed link from the e-mail
    "events:detail": (200, 200, 200, 200, 200),
    "events:list": (200, 200, 200, 200, 200),
    "events:picture": (200, 200, 200, 200, 200),  # the sample picture is released
    "events:thanks": (200, 200, 200, 200, 200),
    # feeds
    "feeds:public": (200, 200, 200, 200, 200),
    # statistics
    # reports (the board reads released versions only; the default sample version is not released)
    "reports:compare": (200, 403, 403, 404, 302),
    "reports:compare[report_version_id=published]": (200, 403, 403, 200, 302),
    "reports:compare[report_version_id=public]": (200, 403, 403, 404, 302),  # public, not released to the board
    "reports:create": (200, 403, 403, 403, 302),
    "reports:detail": (200, 403, 403, 403, 302),
    "reports:download": (200, 403, 403, 404, 302),
    "reports:download[report_version_id=published]": (200, 403, 403, 200, 302),
    "reports:download[report_version_id=public]": (200, 403, 403, 404, 302),
    "reports:edit": (200, 403, 403, 403, 302),
    "reports:generate": (405, 403, 403, 403, 302),  # POST only
    "reports:list": (200, 403, 403, 200, 302),
    "reports:public": (405, 403, 403, 403, 302),  # POST only
    "reports:public[report_version_id=published]": (405, 403, 403, 403, 302),
    "reports:public[report_version_id=public]": (405, 403, 403, 403, 302),
    "reports:publish": (405, 403, 403, 403, 302),  # POST only
    "reports:publish[report_version_id=published]": (405, 403, 403, 403, 302),
    "reports:publish[report_version_id=public]": (405, 403, 403, 403, 302),
    "reports:template": (200, 403, 403, 403, 302),
    "reports:version": (200, 403, 403, 404, 302),
    "reports:version[report_version_id=published]": (200, 403, 403, 200, 302),
    "reports:version[report_version_id=public]": (200, 403, 403, 404, 302),
    # published reports on the public site: only versions on it, for everyone
    "reports_public:list": (200, 200, 200, 200, 200),
    "reports_public:pdf": (404, 404, 404, 404, 404),
    "reports_public:pdf[report_version_id=published]": (404, 404, 404, 404, 404),  # released to the board only
    "reports_public:pdf[report_version_id=public]": (200, 200, 200, 200, 200),
    "statistics:district_map": (200, 403, 403, 403, 302),
    "statistics:district_map_public": (405, 403, 403, 403, 302),  # POST only
    "statistics:districts": (200, 200, 200, 200, 302),
    "statistics:export": (200, 200, 200, 200, 302),
    "statistics:nationalities": (200, 200, 200, 200, 302),
    "statistics:overview": (200, 200, 200, 200, 302),
    "statistics:pyramid": (200, 200, 200, 200, 302),
    "statistics:set_lead": (405, 403, 403, 403, 302),  # POST only
    "statistics:upload_extract": (200, 403, 403, 403, 302),
    "statistics:upload_table": (200, 403, 403, 403, 302),
    "statistics:table_export_csv": (200, 403, 403, 403, 302),  # the office's round trip with the import
    "statistics:table_export_xlsx": (200, 403, 403, 403, 302),
    "statistics:table_template": (200, 403, 403, 403, 302),
    # statistics_public
    "statistics_public:districts": (200, 200, 200, 200, 200),
    "statistics_public:export": (200, 200, 200, 200, 200),
    "statistics_public:index": (200, 200, 200, 200, 200),
    "statistics_public:nationalities": (200, 200, 200, 200, 200),
    "statistics_public:pyramid": (200, 200, 200, 200, 200),
    "directory:contact_detail[contact_id=withdrawn]": (200, 404, 404, 404, 302),  # no consent: office only
    "directory:contact_delete[contact_id=withdrawn]": (200, 403, 403, 403, 302),
    "directory:contact_edit[contact_id=withdrawn]": (200, 403, 403, 403, 302),
    "directory:contact_erase[contact_id=withdrawn]": (200, 403, 403, 403, 302),
    "directory:contact_export[contact_id=withdrawn]": (200, 403, 403, 403, 302),
    "directory:contact_withdraw[contact_id=withdrawn]": (200, 403, 403, 403, 302),
}
# fmt: on
