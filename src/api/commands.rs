// Every command the desktop app offers, declared once: its name, its request type
// (`()` when it takes none) and its response type, grouped by area. From this one list
// come the shell's handler list (a missing adapter fails to compile), the build
// script's permissions, and the TypeScript `Commands` map and `COMMANDS` array.
//
// Adding a command: one line here, one adapter in `src-tauri/src/commands/<area>.rs`,
// one function in the api area module, and the permission in the window's capability.
//
// This file is also `include!`d by the shell's build script, so it holds nothing but
// the macro.

/// Calls `$callback! { area { name: Request => Response, ... } ... }` with the list.
#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {
            keys {
                status: () => Status,
                about: () => About,
                create_journal: CreateRequest => CreateResponse,
                check_recovery_key: RecoveryKeyCheck => (),
                save_recovery_key: () => SavedFile,
                unlock: UnlockRequest => Status,
                lock: () => (),
                recover: RecoverRequest => CreateResponse,
                change_passphrase: ChangePassphraseRequest => (),
            }
            entries {
                find_entries: FindRequest => Page,
                get_entry: EntryRef => Entry,
                create_entry: NewEntry => Entry,
                update_entry: UpdateRequest => Entry,
                trash_entry: EntryRef => Entry,
                restore_entry: EntryRef => Entry,
                stage_draft: Draft => (),
                kept_draft: () => Option<Draft>,
                discard_draft: () => (),
                entry_answers: EntryRef => Vec<RenderedAnswer>,
            }
            settings {
                get_settings: () => Settings,
                save_settings: Settings => Settings,
                note_activity: () => (),
                start_at_login: () => bool,
                set_start_at_login: StartAtLogin => bool,
            }
            packs {
                list_packs: () => Vec<PackSummary>,
                get_pack: PackRequest => PromptPack,
                lenses: () => Vec<Lens>,
                duplicate_pack: PackRequest => PromptPack,
                save_pack: PromptPack => PromptPack,
                delete_pack: PackRequest => (),
                insights: InsightsRequest => Insights,
            }
            wellbeing {
                checkin_form: () => CheckinForm,
                save_checkin: NewCheckin => CheckinSaved,
                checkin_trends: TrendsRequest => Trends,
                list_checkins: TrendsRequest => Vec<Checkin>,
                delete_checkin: CheckinRef => (),
            }
            export {
                deid_scan: DeidRequest => DeidReport,
                export_review: () => ExportReview,
                export_journal: ExportRequest => SavedFile,
            }
            import {
                choose_import: ImportChoice => Option<ImportPreview>,
                import_journal: ImportJournalRequest => ImportDone,
                cancel_import: () => (),
            }
            backups {
                backup_status: () => BackupStatus,
                back_up_now: () => BackupStatus,
                choose_backup_folder: () => BackupStatus,
                restore_backup: () => Option<RestoredBackup>,
                save_backup_copy: () => SavedFile,
            }
            sessions {
                list_sessions: SessionsRequest => Vec<SupervisionSession>,
                save_session: SessionInput => SupervisionSession,
                delete_session: SessionRef => (),
                hours_summary: HoursRequest => HoursSummary,
                export_hours_csv: HoursRequest => SavedFile,
            }
            training {
                list_trainings: () => Vec<Training>,
                save_training: TrainingInput => Training,
                delete_training: TrainingRef => (),
                attach_certificate: TrainingRef => Option<Training>,
                save_certificate: TrainingRef => SavedFile,
            }
            endorsement {
                endorsement_data: () => EndorsementData,
                endorsement_report: EndorsementRequest => EndorsementReport,
                export_endorsement_csv: EndorsementCsvRequest => SavedFile,
            }
            print {
                print_hours: PrintHoursRequest => SavedFile,
                print_reflections: PrintReflectionsRequest => SavedFile,
            }
            exchange {
                identity_show: () => IdentityInfo,
                export_contact_card: ContactCardRequest => ContactCardText,
                save_contact_card: ContactCardRequest => SavedFile,
                import_contact_card: ImportCardRequest => Contact,
                open_contact_card: ImportCardFileRequest => Option<Contact>,
                list_contacts: () => Vec<Contact>,
                confirm_contact: ConfirmContactRequest => Contact,
                contact_removal: ContactRef => ContactRemoval,
                remove_contact: RemoveContactRequest => ContactRemoval,
                choose_contact_folder: ContactRef => Option<Contact>,
                clear_contact_folder: ContactRef => Contact,
                folder_packets: () => FolderNews,
                import_folder_packet: FolderPacketRef => ImportOutcome,
                delete_folder_packet: FolderPacketRef => (),
                send_packet_to_folder: SendToFolderRequest => FolderCopy,
                flagged_for_supervision: () => FlaggedEntries,
                preview_share: ShareRequest => SharePreview,
                share_entries: ShareRequest => ShareStatus,
                share_status: ContactRef => ShareStatus,
                withdraw_entry: WithdrawRequest => WithdrawResponse,
                save_share_packet: ContactRef => SavedFile,
                open_packet: () => Option<ImportOutcome>,
                waiting_packet: () => Option<WaitingPacket>,
                import_waiting_packet: () => ImportOutcome,
                dismiss_waiting_packet: () => (),
                delete_imported_packet: () => (),
                dropped_while_locked: () => bool,
                inbox: InboxRequest => Vec<InboxGroup>,
                set_agenda: AgendaMark => (),
                write_response: ResponseRequest => FeedbackThread,
                edit_response: EditResponseRequest => FeedbackThread,
                withdraw_response: ResponseRef => FeedbackThread,
                responses_written: ContactRef => Vec<FeedbackThread>,
                save_feedback_packet: ContactRef => SavedFile,
                feedback_for: FeedbackRequest => Vec<FeedbackThread>,
            }
            supervision {
                list_preps: () => Vec<PrepView>,
                gather_prep: () => Vec<PrepReflection>,
                save_prep: PrepInput => PrepView,
                delete_prep: PrepRef => (),
                save_takeaway: TakeawayInput => PrepView,
                takeaway_of: SessionRef => Option<PrepView>,
                session_plan: ContactRef => SessionPlan,
                set_planning_note: PlanningNoteRequest => SessionPlan,
                ask_confirmation: AskConfirmationRequest => SessionConfirmation,
                save_confirm_request_packet: ContactRef => SavedFile,
                session_confirmations: () => Vec<SessionConfirmation>,
                confirmation_requests: () => Vec<ConfirmationRequest>,
                answer_confirmation: AnswerConfirmationRequest => ConfirmationRequest,
                save_confirm_answer_packet: ContactRef => SavedFile,
            }
        }
    };
}
